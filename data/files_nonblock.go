//go:build unix || windows

package data

import "syscall"

// nonBlocking is the flag that opens a file without waiting for a FIFO's
// writer.
const nonBlocking = syscall.O_NONBLOCK
