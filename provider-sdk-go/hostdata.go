package provider

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"
)

// HostData is what the host tells a provider on start (spec §6.2): one line on stdin, the JSON
// below encoded with standard base64. Unknown keys are ignored and every key may be missing.
type HostData struct {
	HostID             string            `json:"host_id"`
	LatticeRPCPrefix   string            `json:"lattice_rpc_prefix"`
	LinkName           string            `json:"link_name"`
	LatticeRPCUserJWT  Secret            `json:"lattice_rpc_user_jwt"`
	LatticeRPCUserSeed Secret            `json:"lattice_rpc_user_seed"`
	LatticeRPCURL      string            `json:"lattice_rpc_url"`
	ProviderKey        string            `json:"provider_key"`
	InvocationSeed     Secret            `json:"invocation_seed"` // the cluster seed
	EnvValues          map[string]string `json:"env_values"`
	InstanceID         string            `json:"instance_id"`
	LinkDefinitions    []LinkDefinition  `json:"link_definitions"`
	ClusterIssuers     []string          `json:"cluster_issuers"`
	ConfigJSON         string            `json:"config_json,omitempty"`
	// DefaultRPCTimeoutMS is the host's rpc_timeout_ms; nil means 2000.
	DefaultRPCTimeoutMS *uint64 `json:"default_rpc_timeout_ms,omitempty"`
	StructuredLogging   bool    `json:"structured_logging"`
	// EnableStructuredLogging is the name OTP 0.55–0.60 used for StructuredLogging.
	EnableStructuredLogging bool   `json:"enable_structured_logging,omitempty"`
	LogLevel                string `json:"log_level,omitempty"` // trace, debug, info, warn, error
	JSDomain                string `json:"js_domain,omitempty"` // JetStream domain for chunking
}

// Lattice returns the lattice prefix, "default" when empty.
func (hd HostData) Lattice() string {
	if hd.LatticeRPCPrefix == "" {
		return "default"
	}
	return hd.LatticeRPCPrefix
}

// Link returns the link name this instance serves, "default" when empty.
func (hd HostData) Link() string {
	if hd.LinkName == "" {
		return "default"
	}
	return hd.LinkName
}

// NATSURL returns lattice_rpc_url with "nats://" added when it has no scheme, and
// nats://127.0.0.1:4222 when it is empty.
func (hd HostData) NATSURL() string {
	url := strings.TrimSpace(hd.LatticeRPCURL)
	if url == "" {
		return "nats://127.0.0.1:4222"
	}
	if !strings.Contains(url, "://") {
		return "nats://" + url
	}
	return url
}

// RPCTimeout returns default_rpc_timeout_ms, or 2 s when absent or zero.
func (hd HostData) RPCTimeout() time.Duration {
	if hd.DefaultRPCTimeoutMS == nil || *hd.DefaultRPCTimeoutMS == 0 {
		return 2 * time.Second
	}
	return time.Duration(*hd.DefaultRPCTimeoutMS) * time.Millisecond
}

// LogValue lists the ids for log/slog; seeds and JWTs are never shown.
func (hd HostData) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("host_id", hd.HostID),
		slog.String("lattice", hd.Lattice()),
		slog.String("provider_key", hd.ProviderKey),
		slog.String("link_name", hd.Link()),
		slog.String("instance_id", hd.InstanceID),
		slog.String("nats_url", hd.NATSURL()),
		slog.Int("links", len(hd.LinkDefinitions)),
	)
}

// EncodeHostData returns the stdin line a host writes: base64(JSON) followed by "\n".
func EncodeHostData(hd HostData) (string, error) {
	raw, err := json.Marshal(hd)
	if err != nil {
		return "", fmt.Errorf("failed to encode host data: %w", err)
	}
	return base64.StdEncoding.EncodeToString(raw) + "\n", nil
}

// ParseHostData decodes one HostData line (base64 of JSON; surrounding whitespace ignored).
func ParseHostData(line string) (HostData, error) {
	var hd HostData
	line = strings.TrimSpace(line)
	if line == "" {
		return hd, errors.New("failed to read host data: the line is empty")
	}
	raw, err := base64.StdEncoding.DecodeString(line)
	if err != nil {
		return hd, fmt.Errorf("failed to read host data: not standard base64: %w", err)
	}
	if err := json.Unmarshal(raw, &hd); err != nil {
		return hd, fmt.Errorf("failed to read host data: not HostData JSON: %w", err)
	}
	if hd.ProviderKey == "" {
		return hd, errors.New("failed to read host data: provider_key is empty")
	}
	return hd, nil
}

const byHandMessage = `This program is a Trellis (wasmCloud 0.x compatible) capability provider.
A host starts it and writes its configuration on standard input: one line of base64-encoded
HostData JSON. It is not meant to be run by hand: start it through a host (its
start-provider command). Waiting %s for a HostData line...
`

// ReadHostData reads the HostData line from r, waiting at most timeout. When r is a terminal
// (someone ran the provider by hand), it first prints an explanation to stderr.
func ReadHostData(r io.Reader, timeout time.Duration) (HostData, error) {
	if f, ok := r.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			fmt.Fprintf(os.Stderr, byHandMessage, timeout)
		}
	}
	type result struct {
		line string
		err  error
	}
	done := make(chan result, 1)
	go func() {
		line, err := bufio.NewReader(r).ReadString('\n')
		if errors.Is(err, io.EOF) && strings.TrimSpace(line) != "" {
			err = nil // a last line without newline is fine
		}
		done <- result{line, err}
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case res := <-done:
		if res.err != nil {
			return HostData{}, fmt.Errorf("failed to read host data from stdin: %w; the host writes one base64 line on start", res.err)
		}
		return ParseHostData(res.line)
	case <-timer.C:
		return HostData{}, fmt.Errorf("failed to read host data: nothing on stdin after %s; this program must be started by a host", timeout)
	}
}
