package providertest

import (
	"bufio"
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"log/slog"
	"os/exec"
	"strings"
	"time"

	provider "trellis.dev/provider-sdk-go"
)

// Running is a provider served in-process by provider.Run.
type Running struct {
	done chan struct{}
	err  error
	log  *syncBuffer
}

// Done is closed when Run has returned.
func (r *Running) Done() <-chan struct{} { return r.done }

// Err returns Run's result; valid after Done is closed.
func (r *Running) Err() error { return r.err }

// Log returns what the provider logged so far.
func (r *Running) Log() string { return r.log.String() }

// WaitLog waits until the provider has logged text, at most timeout, and reports whether it has.
// Link puts are published without a reply, so the log is how a test knows one was processed.
func (r *Running) WaitLog(text string, timeout time.Duration) bool {
	return r.log.waitFor(text, timeout)
}

// Run serves p in-process with provider.Run, HostData coming from this host (with links), and
// waits until the provider answers health checks. The provider is stopped when the test ends;
// its log is printed if the test failed.
func (h *Host) Run(p provider.Provider, links ...provider.LinkDefinition) *Running {
	h.t.Helper()
	line, err := provider.EncodeHostData(h.HostData(links...))
	if err != nil {
		h.t.Fatal(err)
	}
	r := &Running{done: make(chan struct{}), log: &syncBuffer{}}
	logger := slog.New(slog.NewTextHandler(r.log, &slog.HandlerOptions{Level: provider.LevelTrace}))
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		defer close(r.done)
		r.err = provider.Run(ctx, p, provider.WithHostData(strings.NewReader(line)), provider.WithLogger(logger))
	}()
	h.t.Cleanup(func() {
		cancel()
		select {
		case <-r.done:
		case <-time.After(10 * time.Second):
			h.t.Errorf("provider did not stop 10s after its context was canceled")
		}
		if h.t.Failed() {
			h.t.Logf("provider log:\n%s", r.log.String())
		}
	})
	if err := h.WaitReady(10 * time.Second); err != nil {
		h.t.Fatalf("%v\nprovider log:\n%s", err, r.log.String())
	}
	return r
}

// Process is a provider executable started as a child process.
type Process struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	done   chan struct{}
	err    error
	stderr *syncBuffer
}

// Done is closed when the process has exited.
func (p *Process) Done() <-chan struct{} { return p.done }

// Err returns the process's exit error (nil for exit status 0); valid after Done is closed.
func (p *Process) Err() error { return p.err }

// Stderr returns what the process wrote to stderr so far.
func (p *Process) Stderr() string { return p.stderr.String() }

// Start runs the provider executable at path as a host does: HostData on stdin as one base64
// line, stdin kept open, stderr captured. It waits until the provider answers health checks and
// kills it (by PID) when the test ends.
func (h *Host) Start(path string, links ...provider.LinkDefinition) *Process {
	h.t.Helper()
	line, err := provider.EncodeHostData(h.HostData(links...))
	if err != nil {
		h.t.Fatal(err)
	}
	p := &Process{cmd: exec.Command(path), done: make(chan struct{}), stderr: &syncBuffer{}}
	p.stdin, err = p.cmd.StdinPipe()
	if err != nil {
		h.t.Fatal(err)
	}
	stderr, err := p.cmd.StderrPipe()
	if err != nil {
		h.t.Fatal(err)
	}
	p.cmd.Stdout = p.stderr
	if err := p.cmd.Start(); err != nil {
		h.t.Fatalf("failed to start provider %s: %v", path, err)
	}
	copied := make(chan struct{})
	go func() {
		defer close(copied)
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 64*1024), 1024*1024)
		for sc.Scan() {
			p.stderr.Write([]byte(sc.Text() + "\n"))
		}
	}()
	go func() {
		<-copied
		p.err = p.cmd.Wait()
		close(p.done)
	}()
	h.t.Cleanup(func() {
		_ = p.stdin.Close()
		select {
		case <-p.done:
		default:
			_ = p.cmd.Process.Kill()
			<-p.done
		}
		if h.t.Failed() {
			h.t.Logf("provider %s stderr:\n%s", path, p.stderr.String())
		}
	})
	if _, err := io.WriteString(p.stdin, line); err != nil {
		h.t.Fatalf("failed to write host data to provider: %v", err)
	}
	if err := h.WaitReady(20 * time.Second); err != nil {
		h.t.Fatalf("%v\nprovider stderr:\n%s", err, p.stderr.String())
	}
	return p
}

func newID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
