// Package providertest tests a provider against a real nats-server and a host double that
// speaks the wasmCloud 0.x wire protocol: it passes HostData, publishes links, sends signed
// invocations (also forged ones), asks for health and shutdown, and plays actors that validate
// the provider's signed calls. Nothing is mocked.
package providertest

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
)

// InstallHint says how to get a nats-server binary.
const InstallHint = "install nats-server (Debian: apt-get install -y nats-server; with Go: " +
	"GOBIN=$PWD/.tools go install github.com/nats-io/nats-server/v2@v2.10.29) " +
	"and put it on PATH or set NATS_SERVER_BIN to its path"

// NATS is a nats-server child process with JetStream on, listening on a free loopback port.
type NATS struct {
	URL string
	cmd *exec.Cmd
	log *syncBuffer
}

// StartNATS starts nats-server (NATS_SERVER_BIN, else nats-server on PATH) for the test and
// stops it when the test ends; args are added to the command line (e.g. "-c", a config file).
// The server log is printed if the test fails. A missing binary fails the test: integration
// tests are never skipped silently.
func StartNATS(t testing.TB, args ...string) *NATS {
	t.Helper()
	bin := os.Getenv("NATS_SERVER_BIN")
	if bin == "" {
		var err error
		if bin, err = exec.LookPath("nats-server"); err != nil {
			t.Fatalf("nats-server not found on PATH and NATS_SERVER_BIN not set: %s", InstallHint)
		}
	}
	n := &NATS{log: &syncBuffer{}}
	n.cmd = exec.Command(bin, append([]string{"-a", "127.0.0.1", "-p", "-1", "-js", "-sd", t.TempDir()}, args...)...)
	stderr, err := n.cmd.StderrPipe()
	if err != nil {
		t.Fatalf("failed to start nats-server: %v", err)
	}
	n.cmd.Stdout = n.log
	if err := n.cmd.Start(); err != nil {
		t.Fatalf("failed to start nats-server %s: %v; %s", bin, err, InstallHint)
	}
	ready := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		var addr string
		for sc.Scan() {
			line := sc.Text()
			n.log.Write([]byte(line + "\n"))
			if i := strings.Index(line, "Listening for client connections on "); i >= 0 {
				addr = strings.TrimSpace(line[i+len("Listening for client connections on "):])
			}
			if strings.Contains(line, "Server is ready") && addr != "" {
				ready <- addr
			}
		}
	}()
	exited := make(chan error, 1)
	go func() { exited <- n.cmd.Wait() }()
	t.Cleanup(func() {
		_ = n.cmd.Process.Kill() // by the PID we started; an error means it has exited already
		<-exited
		if t.Failed() {
			t.Logf("nats-server log:\n%s", n.log.String())
		}
	})
	select {
	case addr := <-ready:
		n.URL = "nats://" + addr
	case err := <-exited:
		exited <- err
		t.Fatalf("nats-server exited before it was ready: %v\n%s", err, n.log.String())
	case <-time.After(10 * time.Second):
		t.Fatalf("nats-server not ready after 10s:\n%s", n.log.String())
	}
	return n
}

// syncBuffer is a bytes.Buffer safe for concurrent writers, which a reader can wait on.
type syncBuffer struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	written chan struct{} // closed, and replaced, by every write
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.written != nil {
		close(b.written)
		b.written = nil
	}
	return b.buf.Write(p)
}

// waitFor waits until the buffer contains text, at most timeout; it reports whether it does.
func (b *syncBuffer) waitFor(text string, timeout time.Duration) bool {
	deadline := time.After(timeout)
	for {
		b.mu.Lock()
		if strings.Contains(b.buf.String(), text) {
			b.mu.Unlock()
			return true
		}
		if b.written == nil {
			b.written = make(chan struct{})
		}
		written := b.written
		b.mu.Unlock()
		select {
		case <-written:
		case <-deadline:
			return false
		}
	}
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
