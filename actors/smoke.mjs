// Runs the modules in wasm-corpus/unsigned against a minimal in-process wasmbus host (spec
// dataplane §1, 0.62+ rules) and checks the behaviour README.md describes. Outbound calls are
// answered by the services below (an in-memory keyvalue store, the builtins, the ponger module),
// so this exercises the guests only; the Java host has its own tests.
//
//   node smoke.mjs [corpus dir]        (node >= 18, no packages needed)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

const dir = process.argv[2] ?? join(new URL('.', import.meta.url).pathname, 'wasm-corpus/unsigned');
const enc = new TextEncoder();
const dec = new TextDecoder();

// ---- msgpack (just what the checks need) -------------------------------------------------
function pack(v) {
  const out = [];
  const be = (n, bytes) => { for (let i = bytes - 1; i >= 0; i--) out.push(Number((BigInt(n) >> BigInt(8 * i)) & 0xffn)); };
  const head = (n, fix, fixMax, t8, t16, t32) => {
    if (fix !== null && n <= fixMax) out.push(fix | n);
    else if (t8 !== null && n <= 0xff) { out.push(t8); be(n, 1); }
    else if (n <= 0xffff) { out.push(t16); be(n, 2); }
    else { out.push(t32); be(n, 4); }
  };
  const put = (x) => {
    if (x === null) out.push(0xc0);
    else if (typeof x === 'boolean') out.push(x ? 0xc3 : 0xc2);
    else if (typeof x === 'number') {
      if (x >= 0 && x < 128) out.push(x);
      else if (x >= 0 && x <= 0xff) { out.push(0xcc); be(x, 1); }
      else if (x >= 0 && x <= 0xffff) { out.push(0xcd); be(x, 2); }
      else if (x >= 0) { out.push(0xce); be(x, 4); }
      else if (x >= -32) out.push(x & 0xff);
      else { out.push(0xd2); be(x >>> 0, 4); }
    } else if (typeof x === 'string') { const b = enc.encode(x); head(b.length, 0xa0, 31, 0xd9, 0xda, 0xdb); out.push(...b); }
    else if (x instanceof Uint8Array) { head(x.length, null, 0, 0xc4, 0xc5, 0xc6); out.push(...x); }
    else if (Array.isArray(x)) { head(x.length, 0x90, 15, null, 0xdc, 0xdd); x.forEach(put); }
    else { const e = Object.entries(x); head(e.length, 0x80, 15, null, 0xde, 0xdf); e.forEach(([k, v]) => { put(k); put(v); }); }
  };
  put(v);
  return Uint8Array.from(out);
}

function unpack(bytes) {
  let p = 0;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const take = (n) => { const s = bytes.subarray(p, p + n); p += n; return s; };
  const u = (n) => { let v = 0; for (let i = 0; i < n; i++) v = v * 256 + bytes[p++]; return v; };
  const get = () => {
    const t = bytes[p++];
    if (t === undefined) throw new Error('truncated msgpack');
    if (t <= 0x7f) return t;
    if (t >= 0xe0) return t - 256;
    if ((t & 0xf0) === 0x80) return map(t & 15);
    if ((t & 0xf0) === 0x90) return arr(t & 15);
    if ((t & 0xe0) === 0xa0) return dec.decode(take(t & 31));
    switch (t) {
      case 0xc0: return null;
      case 0xc2: return false;
      case 0xc3: return true;
      case 0xc4: return take(u(1));
      case 0xc5: return take(u(2));
      case 0xc6: return take(u(4));
      case 0xcc: return u(1);
      case 0xcd: return u(2);
      case 0xce: return u(4);
      case 0xd0: p += 1; return dv.getInt8(p - 1);
      case 0xd1: p += 2; return dv.getInt16(p - 2);
      case 0xd2: p += 4; return dv.getInt32(p - 4);
      case 0xd9: return dec.decode(take(u(1)));
      case 0xda: return dec.decode(take(u(2)));
      case 0xde: return map(u(2));
      case 0xdc: return arr(u(2));
      default: throw new Error(`unsupported msgpack tag 0x${t.toString(16)}`);
    }
  };
  const map = (n) => { const o = {}; for (let i = 0; i < n; i++) { const k = get(); o[k] = get(); } return o; };
  const arr = (n) => Array.from({ length: n }, get);
  return get();
}

const hex = (s) => Uint8Array.from(s.replace(/\s+/g, '').match(/../g).map((h) => parseInt(h, 16)));

// ---- the wasmbus host --------------------------------------------------------------------
/** One instance of a module; `services(binding, ns, op, payload)` answers __host_call with
 *  {ok: Uint8Array} or {error: string}. */
class Actor {
  constructor(file, services = () => ({ error: 'no services in this test' })) {
    this.module = new WebAssembly.Module(readFileSync(join(dir, file)));
    this.services = services;
    const mem = () => new Uint8Array(this.instance.exports.memory.buffer);
    const str = (ptr, len) => dec.decode(mem().slice(ptr, ptr + len));
    const s = () => this.state;
    const wasmbus = {
      __guest_request: (opPtr, msgPtr) => {
        if (!s().request) throw new Error('unexpected `__guest_request`');
        mem().set(s().request.op, opPtr);
        mem().set(s().request.msg, msgPtr);
        s().request = null;
      },
      __guest_response: (ptr, len) => { s().response = mem().slice(ptr, ptr + len); },
      __guest_error: (ptr, len) => { s().error = str(ptr, len); },
      __host_call: (bdPtr, bdLen, nsPtr, nsLen, opPtr, opLen, ptr, len) => {
        const call = [str(bdPtr, bdLen), str(nsPtr, nsLen), str(opPtr, opLen), mem().slice(ptr, ptr + len)];
        s().hostCalls.push(call);
        const r = this.services(...call);
        if (r.error !== undefined) { s().hostError = enc.encode(r.error); return -1; }
        s().hostResponse = r.ok;
        return 1;
      },
      __host_response_len: () => s().hostResponse?.length ?? 0,
      __host_response: (ptr) => { mem().set(s().hostResponse, ptr); s().hostResponse = null; },
      __host_error_len: () => s().hostError?.length ?? 0,
      __host_error: (ptr) => { mem().set(s().hostError, ptr); s().hostError = null; },
      __console_log: () => {},
    };
    this.instance = new WebAssembly.Instance(this.module, { wasmbus });
  }

  call(op, msg = new Uint8Array()) {
    this.state = { request: { op: enc.encode(op), msg }, hostCalls: [] };
    const rc = this.instance.exports.__guest_call(enc.encode(op).length, msg.length);
    const st = this.state;
    if (st.error !== undefined) return { rc, error: st.error, hostCalls: st.hostCalls };
    if (st.hostError) return { rc, error: dec.decode(st.hostError), hostCalls: st.hostCalls };
    if (rc !== 1) return { rc, error: `operation failed with exit code \`${rc}\``, hostCalls: st.hostCalls };
    return { rc, response: st.response ?? new Uint8Array(), hostCalls: st.hostCalls };
  }
}

// ---- checks ------------------------------------------------------------------------------
const HTTP = 'HttpServer.HandleRequest';
const request = (fields = {}) => pack({ method: 'GET', path: '/', queryString: '', header: {}, body: new Uint8Array(), ...fields });
const http = (result) => {
  assert.equal(result.rc, 1, result.error);
  const r = unpack(result.response);
  return { status: r.statusCode, header: r.header, body: dec.decode(r.body) };
};
let passed = 0;
function check(name, fn) {
  fn();
  passed++;
  console.log(`ok   ${name}`);
}

for (const echo of ['echo-rust.wasm', 'echo-c.wasm']) {
  check(`${echo}: answers like wasmCloud's echo`, () => {
    const a = new Actor(echo);
    // spec Appendix A.2
    const req = hex('85 a6 6d6574686f64 a3 474554 a4 70617468 a1 2f ab 7175657279537472696e67 a0 a6 686561646572 80 a4 626f6479 c4 05 68656c6c6f');
    const r = http(a.call(HTTP, req));
    assert.deepEqual(r, { status: 200, header: {}, body: '{"body":[104,101,108,108,111],"method":"GET","path":"/","query_string":""}' });
    // the OTP test sends the body as a msgpack str
    const otp = pack({ body: 'hello', header: {}, path: '/', queryString: '', method: 'GET' });
    assert.equal(http(a.call(HTTP, otp)).body, r.body);
    const odd = http(a.call(HTTP, request({ method: 'POST', path: '/a"b\\c\n\u0001é', queryString: 'x=1&y', body: new Uint8Array([0, 255]) })));
    assert.equal(odd.body, '{"body":[0,255],"method":"POST","path":"/a\\"b\\\\c\\n\\u0001é","query_string":"x=1&y"}');
    const bad = a.call('Foo.Bar');
    assert.deepEqual([bad.rc, bad.error], [0, 'Guest call failed for method Foo.Bar: method not handled Foo.Bar - unknown method']);
    assert.equal(a.call(HTTP, hex('c1')).rc, 0);
  });
}

check('echo-rust and echo-c give byte-identical responses', () => {
  const r = new Actor('echo-rust.wasm'), c = new Actor('echo-c.wasm');
  for (const req of [request(), request({ path: '/x/ü', queryString: 'q=%20', body: enc.encode('{"a":1}') })]) {
    assert.deepEqual(c.call(HTTP, req).response, r.call(HTTP, req).response);
  }
});

for (const kv of ['kvcounter-rust.wasm', 'kvcounter-c.wasm']) {
  check(`${kv}: increments through wasmcloud:keyvalue`, () => {
    const store = new Map();
    const services = (bd, ns, op, payload) => {
      assert.deepEqual([bd, ns, op], ['default', 'wasmcloud:keyvalue', 'KeyValue.Increment']);
      const { key, value } = unpack(payload);
      store.set(key, (store.get(key) ?? 0) + value);
      return { ok: pack(store.get(key)) };
    };
    const a = new Actor(kv, services);
    const first = a.call(HTTP, request());
    assert.deepEqual(first.hostCalls[0][3], hex('82 a3 6b6579 a7 636f756e746572 a5 76616c7565 01'));
    assert.deepEqual(http(first), { status: 200, header: {}, body: '{"counter":1}' });
    assert.equal(http(a.call(HTTP, request())).body, '{"counter":2}');
    assert.equal(http(a.call(HTTP, request({ path: '/a/b/', queryString: 'amount=-300' }))).body, '{"counter":-300}');
    assert.equal(store.get('counter:a:b'), -300);
    assert.equal(http(a.call(HTTP, request({ queryString: 'amount=70000' }))).body, '{"counter":70002}');
    assert.equal(http(a.call(HTTP, request({ queryString: 'amount=x' }))).body, '{"counter":70003}');
    const denied = new Actor(kv, () => ({ error: 'Invocation not authorized: missing capability claim for wasmcloud:keyvalue' }));
    assert.deepEqual(http(denied.call(HTTP, request())), { status: 500, header: {}, body: 'Invocation not authorized: missing capability claim for wasmcloud:keyvalue' });
  });
}

check('pinger-rust + ponger-c: actor-to-actor call through the call alias', () => {
  const ponger = new Actor('ponger-c.wasm');
  assert.deepEqual(ponger.call('Pingpong.Ping').response, hex('a4 706f6e67'));
  assert.equal(ponger.call('Pingpong.Pong').rc, 0);
  const pinger = new Actor('pinger-rust.wasm', (bd, ns, op, payload) => {
    assert.deepEqual([bd, ns, op, payload.length], ['', 'trellis/pong', 'Pingpong.Ping', 0]);
    const r = ponger.call(op, payload);
    return r.error !== undefined ? { error: r.error } : { ok: r.response };
  });
  assert.deepEqual(http(pinger.call(HTTP, request())), { status: 200, header: {}, body: 'pong' });
  const alone = new Actor('pinger-rust.wasm', () => ({ error: 'Call alias not found: trellis/pong on default' }));
  assert.deepEqual(http(alone.call(HTTP, request())), { status: 500, header: {}, body: 'Call alias not found: trellis/pong on default' });
});

check('logger-rust: builtin logging and numbergen', () => {
  const logs = [];
  const a = new Actor('logger-rust.wasm', (bd, ns, op, payload) => {
    if (ns === 'wasmcloud:builtin:logging' && op === 'Logging.WriteLog') { logs.push(unpack(payload)); return { ok: new Uint8Array() }; }
    assert.equal(ns, 'wasmcloud:builtin:numbergen');
    if (op === 'NumberGen.GenerateGuid') return { ok: pack('5d3c1f6e-8a0b-4c2d-9e7f-0a1b2c3d4e5f') };
    if (op === 'NumberGen.RandomInRange') { assert.deepEqual(payload, hex('82 a3 6d696e 01 a3 6d6178 64')); return { ok: pack(42) }; }
    if (op === 'NumberGen.Random32') return { ok: pack(4000000000) };
    return { error: `unexpected ${op}` };
  });
  const r = http(a.call(HTTP, request({ path: '/log' })));
  assert.deepEqual(r, { status: 200, header: {}, body: '{"guid":"5d3c1f6e-8a0b-4c2d-9e7f-0a1b2c3d4e5f","random_in_range":42,"random_32":4000000000}' });
  assert.deepEqual(logs.map((l) => l.level), ['debug', 'info', 'warn', 'error']);
  assert.equal(logs[0].text, 'logger: GET /log');
  const failing = new Actor('logger-rust.wasm', () => ({ error: 'no builtins here' }));
  const f = failing.call(HTTP, request());
  assert.deepEqual([f.rc, f.error], [0, `Guest call failed for method ${HTTP}: Host send error no builtins here`]);
});

check('hostile-trap: traps with unreachable', () => {
  assert.throws(() => new Actor('hostile-trap.wasm').call(HTTP, request()), /unreachable/);
});
check('hostile-recursion: overflows the call stack', () => {
  assert.throws(() => new Actor('hostile-recursion.wasm').call(HTTP, request()), RangeError);
});
check('hostile-double-request: the second __guest_request traps', () => {
  assert.throws(() => new Actor('hostile-double-request.wasm').call(HTTP, request()), /unexpected `__guest_request`/);
});
check('hostile-guest-error: returns 0 with its error text', () => {
  const r = new Actor('hostile-guest-error.wasm').call(HTTP, request());
  assert.deepEqual([r.rc, r.error], [0, 'hostile: guest error on purpose']);
});
check('hostile-big-response: answers 1 MiB', () => {
  const r = new Actor('hostile-big-response.wasm').call(HTTP, request());
  assert.equal(r.response.length, 1048576);
  assert.equal(dec.decode(r.response.subarray(0, 8)), 'big!big!');
});
// hostile-memory-bomb is not run here: without a host-side page limit it would take 4 GiB.

// hostile-loop: run in a worker; it must still be running after a while, then it is terminated.
const loopWorker = new Worker(`
  const { parentPort, workerData } = require('node:worker_threads');
  const m = new WebAssembly.Module(workerData);
  const i = new WebAssembly.Instance(m, { wasmbus: { __guest_request() {} } });
  i.exports.__guest_call(4, 0);
  parentPort.postMessage('returned');`, { eval: true, workerData: readFileSync(join(dir, 'hostile-loop.wasm')) });
let returned = false;
loopWorker.on('message', () => { returned = true; });
setTimeout(async () => {
  assert.equal(returned, false, 'hostile-loop returned');
  await loopWorker.terminate();
  passed++;
  console.log('ok   hostile-loop: still spinning after 300 ms, terminated');
  console.log(`${passed} checks passed`);
}, 300);
