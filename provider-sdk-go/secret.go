package provider

import "log/slog"

// Secret is a string that never shows in logs or formatted output (seeds, JWTs). Convert it
// with string(s) where the value is needed. It marshals to JSON as the plain value, because
// HostData is a wire format.
type Secret string

const redacted = "[redacted]"

// String returns "[redacted]" (or "" for an empty secret).
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return redacted
}

// GoString returns the same as String, so that %#v hides the value too.
func (s Secret) GoString() string { return s.String() }

// LogValue hides the value from log/slog.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }
