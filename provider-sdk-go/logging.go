package provider

import (
	"io"
	"log/slog"
	"strings"
)

// LevelTrace is the level of log_level "trace", below slog.LevelDebug.
const LevelTrace = slog.LevelDebug - 4

// NewLogger returns the logger Run uses by default: JSON lines when structured logging is on,
// text otherwise, at the level named by log_level (info when absent or unknown).
func NewLogger(hd HostData, w io.Writer) *slog.Logger {
	level, known := parseLevel(hd.LogLevel)
	opts := &slog.HandlerOptions{Level: level}
	var handler slog.Handler
	if hd.StructuredLogging || hd.EnableStructuredLogging {
		handler = slog.NewJSONHandler(w, opts)
	} else {
		handler = slog.NewTextHandler(w, opts)
	}
	log := slog.New(handler).With("provider", hd.ProviderKey, "link_name", hd.Link())
	if !known {
		log.Warn("unknown log_level in host data, using info", "log_level", hd.LogLevel)
	}
	return log
}

func parseLevel(s string) (slog.Level, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "trace":
		return LevelTrace, true
	case "debug":
		return slog.LevelDebug, true
	case "", "info":
		return slog.LevelInfo, true
	case "warn", "warning":
		return slog.LevelWarn, true
	case "error":
		return slog.LevelError, true
	}
	return slog.LevelInfo, false
}
