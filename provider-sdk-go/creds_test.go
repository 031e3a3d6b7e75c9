package provider_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/jwt/v2"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nkeys"

	provider "trellis.dev/provider-sdk-go"
	"trellis.dev/provider-sdk-go/providertest"
)

// operatorServer starts a nats-server in operator mode with one account (JetStream enabled)
// and returns it with a user JWT and seed of that account.
func operatorServer(t *testing.T) (*providertest.NATS, string, string) {
	t.Helper()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	okp, err := nkeys.CreateOperator()
	must(err)
	opub, _ := okp.PublicKey()
	operatorJWT, err := jwt.NewOperatorClaims(opub).Encode(okp)
	must(err)
	akp, err := nkeys.CreateAccount()
	must(err)
	apub, _ := akp.PublicKey()
	ac := jwt.NewAccountClaims(apub)
	ac.Limits.JetStreamLimits = jwt.JetStreamLimits{MemoryStorage: -1, DiskStorage: -1, Streams: -1, Consumer: -1}
	accountJWT, err := ac.Encode(okp)
	must(err)
	skp, err := nkeys.CreateAccount() // system account: JetStream needs one in operator mode
	must(err)
	spub, _ := skp.PublicKey()
	systemJWT, err := jwt.NewAccountClaims(spub).Encode(okp)
	must(err)
	ukp, err := nkeys.CreateUser()
	must(err)
	upub, _ := ukp.PublicKey()
	userSeed, _ := ukp.Seed()
	userJWT, err := jwt.NewUserClaims(upub).Encode(akp)
	must(err)
	conf := filepath.Join(t.TempDir(), "operator.conf")
	must(os.WriteFile(conf, []byte("operator: "+operatorJWT+"\nsystem_account: "+spub+"\nresolver: MEMORY\n"+
		"resolver_preload: {\n  "+apub+": "+accountJWT+"\n  "+spub+": "+systemJWT+"\n}\n"), 0o600))
	return providertest.StartNATS(t, "-c", conf), userJWT, string(userSeed)
}

func TestConnectsWithJWTAndSeed(t *testing.T) {
	n, userJWT, userSeed := operatorServer(t)
	h := providertest.NewHost(t, n, contract, nats.UserJWTAndSeed(userJWT, userSeed))
	h.UserJWT, h.UserSeed = provider.Secret(userJWT), provider.Secret(userSeed)
	actor := providertest.NewActorKey(t)
	h.Run(newTestProvider(), h.Link(actor, nil))
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if out, err := h.Invoke(ctx, actor, "Test.Echo", []byte("authenticated")); err != nil || string(out) != "authenticated" {
		t.Errorf("Invoke = %q, %v", out, err)
	}
}

func TestRefusedWithoutCredentials(t *testing.T) {
	n, _, _ := operatorServer(t)
	line, _ := provider.EncodeHostData(provider.HostData{ProviderKey: "VX", LatticeRPCURL: n.URL})
	err := provider.Run(context.Background(), provider.Operations{}, provider.WithHostData(strings.NewReader(line)))
	if err == nil || !strings.Contains(err.Error(), "failed to connect to NATS at "+n.URL) {
		t.Errorf("err = %v", err)
	}
}
