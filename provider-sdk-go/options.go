package provider

import (
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/nats-io/nats.go"
)

// Option configures Run.
type Option func(*config)

type config struct {
	hostData        io.Reader
	hostDataTimeout time.Duration
	logger          *slog.Logger
	natsOptions     []nats.Option
	shutdownTimeout time.Duration
	maxInFlight     int
}

func defaultConfig() config {
	return config{
		hostData:        os.Stdin,
		hostDataTimeout: 30 * time.Second,
		shutdownTimeout: 1500 * time.Millisecond,
		maxInFlight:     256,
	}
}

// WithHostData reads the HostData line from r instead of stdin (tests, tools).
func WithHostData(r io.Reader) Option {
	return func(c *config) { c.hostData = r }
}

// WithHostDataTimeout bounds the wait for the HostData line (default 30 s).
func WithHostDataTimeout(d time.Duration) Option {
	return func(c *config) { c.hostDataTimeout = d }
}

// WithLogger logs to l. By default Run builds a stderr logger from HostData (JSON when
// structured_logging is set, level from log_level) and makes it slog's default.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) { c.logger = l }
}

// WithNATSOptions adds options to the NATS connection (TLS, timeouts, …). They are applied after
// the SDK's own, so they can override them; overriding the closed handler makes Run unable to
// notice a permanently closed connection.
func WithNATSOptions(opts ...nats.Option) Option {
	return func(c *config) { c.natsOptions = append(c.natsOptions, opts...) }
}

// WithShutdownTimeout bounds the stop sequence before the shutdown reply is sent: waiting for
// in-flight invocations and the Shutdowner hook (default 1.5 s, below the host's 2 s request
// timeout).
func WithShutdownTimeout(d time.Duration) Option {
	return func(c *config) { c.shutdownTimeout = d }
}

// WithMaxInFlight bounds the number of invocations handled at once (default 256). Further
// invocations wait in the NATS client's buffer.
func WithMaxInFlight(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.maxInFlight = n
		}
	}
}
