//go:build built && unix

package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// liaisonProcess is `bin/liaison serve` running on addr, as an operator
// runs it.
type liaisonProcess struct {
	cmd    *exec.Cmd
	addr   string
	stderr *syncBuffer
	exited chan struct{} // closed when the process has exited
}

// startBinary runs the built binary, bin/liaison (make test builds it
// first), with serve and args, and waits until it answers.
func startBinary(t *testing.T, args ...string) *liaisonProcess {
	t.Helper()
	p := &liaisonProcess{addr: freeAddr(t), stderr: &syncBuffer{}, exited: make(chan struct{})}
	p.cmd = exec.Command(binaryPath(t), append([]string{"serve", "-addr", p.addr}, args...)...)
	p.cmd.Stderr = p.stderr
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		p.cmd.Wait()
		close(p.exited)
	}()
	t.Cleanup(func() {
		p.cmd.Process.Kill()
		<-p.exited
	})
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		resp, err := http.Get("http://" + p.addr + "/healthz")
		if err == nil {
			resp.Body.Close()
			return p
		}
		if time.Now().After(deadline) {
			t.Fatalf("bin/liaison did not answer within 10 s: %v\n%s", err, p.stderr)
		}
	}
}

// slowDownload starts a download of the WebAssembly (megabytes) from p
// and reads its first bytes only. With the client's receive buffer kept
// small, the server is still writing the answer: a request in flight.
func slowDownload(t *testing.T, p *liaisonProcess) (*bufio.Reader, *http.Response) {
	t.Helper()
	dialer := net.Dialer{Control: func(network, address string, c syscall.RawConn) error {
		var err error
		c.Control(func(fd uintptr) { err = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4096) })
		return err
	}}
	conn, err := dialer.Dial("tcp", p.addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	fmt.Fprintf(conn, "GET /web/app.wasm HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", p.addr)
	r := bufio.NewReaderSize(conn, 4096)
	resp, err := http.ReadResponse(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 {
		t.Fatalf("GET /web/app.wasm = %d", resp.StatusCode)
	}
	return r, resp
}

// terminate sends SIGTERM to p and waits until it no longer accepts
// connections.
func (p *liaisonProcess) terminate(t *testing.T) {
	t.Helper()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		conn, err := net.DialTimeout("tcp", p.addr, time.Second)
		if err != nil {
			return
		}
		conn.Close()
		if time.Now().After(deadline) {
			t.Fatalf("5 s after SIGTERM, the server still accepts connections")
		}
	}
}

// exitCode waits up to limit for p to exit and returns its exit code.
func (p *liaisonProcess) exitCode(t *testing.T, limit time.Duration) int {
	t.Helper()
	select {
	case <-p.exited:
		return p.cmd.ProcessState.ExitCode()
	case <-time.After(limit):
		t.Fatalf("bin/liaison did not exit within %v; it wrote:\n%s", limit, p.stderr)
		return -1
	}
}

// TestShutdownFinishesRequestsInFlight sends SIGTERM to bin/liaison while
// it is answering a request: it stops accepting connections at once,
// finishes the answer, whole, and exits 0.
func TestShutdownFinishesRequestsInFlight(t *testing.T) {
	p := startBinary(t, "-shutdown-timeout", "20s")
	status, _, wasm := get(t, "http://"+p.addr+"/web/app.wasm")
	if status != 200 || len(wasm) < 4<<20 {
		t.Fatalf("GET /web/app.wasm = %d with %d bytes: the test needs an answer larger than the socket buffers", status, len(wasm))
	}
	r, resp := slowDownload(t, p)
	first := make([]byte, 64<<10)
	if _, err := io.ReadFull(resp.Body, first); err != nil {
		t.Fatal(err)
	}

	p.terminate(t)
	// Still running: the request is in flight, and a finished answer
	// would have let it exit at once.
	select {
	case <-p.exited:
		t.Fatalf("bin/liaison exited with a request in flight; it wrote:\n%s", p.stderr)
	case <-time.After(500 * time.Millisecond):
	}

	rest, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("the answer in flight was cut: %v", err)
	}
	if got := append(first, rest...); string(got) != wasm || r.Buffered() != 0 {
		t.Errorf("the answer in flight has %d bytes, want the %d of app.wasm", len(got), len(wasm))
	}
	if code := p.exitCode(t, 10*time.Second); code != 0 {
		t.Errorf("exit code %d, want 0; it wrote:\n%s", code, p.stderr)
	}
	for _, want := range []string{"shutting down", "stopped"} {
		if !strings.Contains(p.stderr.String(), want) {
			t.Errorf("the log lacks %q:\n%s", want, p.stderr)
		}
	}
}

// TestShutdownDeadline sends SIGTERM to bin/liaison while a client takes
// forever to read an answer: after -shutdown-timeout the request is cut
// off, and the exit code and log say so.
func TestShutdownDeadline(t *testing.T) {
	p := startBinary(t, "-shutdown-timeout", "1s")
	_, resp := slowDownload(t, p)
	p.terminate(t)
	start := time.Now()
	code := p.exitCode(t, 10*time.Second)
	if waited := time.Since(start); code != 1 || waited > 3*time.Second {
		t.Errorf("exit code %d after %v, want 1 after about 1 s", code, waited.Round(time.Millisecond))
	}
	if want := "requests still in flight after 1s were cut off"; !strings.Contains(p.stderr.String(), want) {
		t.Errorf("the log lacks %q:\n%s", want, p.stderr)
	}
	if _, err := io.ReadAll(resp.Body); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("reading the answer that was cut off: %v, want unexpected EOF", err)
	}
}
