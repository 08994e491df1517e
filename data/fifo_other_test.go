//go:build !unix

package data

import "errors"

// mkfifo makes a named pipe at path, where the system has them: the
// browser's program (js/wasm), for which these tests are vetted, has none.
func mkfifo(path string) error { return errors.ErrUnsupported }
