package provider

// NATS subjects (spec §3.1). Every subject string is built here and nowhere else.

// rpcQueueGroup is the queue group of the provider RPC subscription (rpc-rs), so that several
// instances of one provider key and link name share the load.
const rpcQueueGroup = "rpc"

// RPCSubject is where the host sends invocations for this provider: published by hosts on behalf
// of actors, subscribed by every provider instance with queue group "rpc"; msgpack Invocation →
// msgpack InvocationResponse.
func RPCSubject(lattice, providerKey, linkName string) string {
	return "wasmbus.rpc." + lattice + "." + providerKey + "." + linkName
}

// LinkPutSubject: host → every instance (plain subscription); msgpack LinkDefinition, no reply.
func LinkPutSubject(lattice, providerKey, linkName string) string {
	return RPCSubject(lattice, providerKey, linkName) + ".linkdefs.put"
}

// LinkDelSubject: host → every instance (plain subscription); msgpack LinkDefinition, no reply.
func LinkDelSubject(lattice, providerKey, linkName string) string {
	return RPCSubject(lattice, providerKey, linkName) + ".linkdefs.del"
}

// linkSubjects matches LinkPutSubject and LinkDelSubject with one subscription, so that a put
// and a delete published by the host are handled in the order they were published.
func linkSubjects(lattice, providerKey, linkName string) string {
	return RPCSubject(lattice, providerKey, linkName) + ".linkdefs.*"
}

// HealthSubject: host → every instance (plain subscription, request); msgpack
// {"placeholder":true} → msgpack HealthCheckResponse.
func HealthSubject(lattice, providerKey, linkName string) string {
	return RPCSubject(lattice, providerKey, linkName) + ".health"
}

// ShutdownSubject: host → every instance (plain subscription, request); JSON {"host_id":"N…"}
// → raw bytes "shutting down" from the instance started by that host only.
func ShutdownSubject(lattice, providerKey, linkName string) string {
	return RPCSubject(lattice, providerKey, linkName) + ".shutdown"
}

// ActorSubject is where invocations for an actor go: published by providers and hosts,
// subscribed by hosts running the actor with queue group = the subject itself; msgpack
// Invocation → msgpack InvocationResponse.
func ActorSubject(lattice, actorKey string) string {
	return "wasmbus.rpc." + lattice + "." + actorKey
}
