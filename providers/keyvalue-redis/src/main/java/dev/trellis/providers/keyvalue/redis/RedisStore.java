package dev.trellis.providers.keyvalue.redis;

import dev.trellis.interfaces.contract.keyvalue.GetResponse;
import dev.trellis.provider.OperationException;
import dev.trellis.provider.keyvalue.KeyValueStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * {@link KeyValueStore} on one Redis database, one Redis command per operation: GET, SET (with EX
 * when {@code expires > 0}), DEL, EXISTS, INCRBY, RPUSH, LREM, LRANGE, SADD, SREM, SMEMBERS,
 * SUNION, SINTER. Three operations run a short Lua script so that they stay atomic and keep the
 * contract: Increment (INCRBY, undone when the result leaves i32), ListClear and SetClear (DEL only
 * when the key holds a list, or a set). Redis's own keyspace rules apply: SET replaces any kind, an
 * emptied list or set disappears, and a command on a key of another kind fails, reported as "key
 * 'k' holds a list, not a string value".
 */
final class RedisStore implements KeyValueStore {
  private static final String INCREMENT =
      "local n = redis.call('INCRBY', KEYS[1], ARGV[1])\n"
          + "if n > 2147483647 or n < -2147483648 then\n"
          + "  redis.call('DECRBY', KEYS[1], ARGV[1])\n"
          + "  return redis.error_reply(string.format('OUT_OF_RANGE %d', n - ARGV[1]))\n"
          + "end\n"
          + "return n";
  private static final String CLEAR =
      "local t = redis.call('TYPE', KEYS[1]).ok\n"
          + "if t == 'none' then return 0 end\n"
          + "if t ~= ARGV[1] then return redis.error_reply('WRONGTYPE') end\n"
          + "return redis.call('DEL', KEYS[1])";
  private static final String OUT_OF_RANGE = "OUT_OF_RANGE ";
  private static final int SHOWN = 64;

  private final RedisClient redis;
  private final RedisUrl url;

  RedisStore(RedisClient redis, RedisUrl url) {
    this.redis = redis;
    this.url = url;
  }

  /** Throws {@link OperationException} when the server does not answer PING. */
  void ping() {
    run("reach Redis", null, null, redis::ping);
  }

  @Override
  public GetResponse get(String key) {
    String value = run("get key '" + shown(key) + "'", key, "a string value", () -> redis.get(key));
    return value == null ? new GetResponse("", false) : new GetResponse(value, true);
  }

  @Override
  public void set(String key, String value, long expiresSeconds) {
    run(
        "set key '" + shown(key) + "'",
        key,
        "a string value",
        () ->
            expiresSeconds > 0
                ? redis.set(key, value, SetParams.setParams().ex(expiresSeconds))
                : redis.set(key, value));
  }

  @Override
  public boolean del(String key) {
    return run("delete key '" + shown(key) + "'", key, null, () -> redis.del(key)) > 0;
  }

  @Override
  public boolean contains(String key) {
    return run("check key '" + shown(key) + "'", key, null, () -> redis.exists(key));
  }

  @Override
  public int increment(String key, int delta) {
    String action = "increment key '" + shown(key) + "'";
    Object n;
    try {
      n = redis.eval(INCREMENT, List.of(key), List.of(Integer.toString(delta)));
    } catch (JedisDataException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      if (message.startsWith(OUT_OF_RANGE)) {
        String current = message.substring(OUT_OF_RANGE.length()).split("\\s", 2)[0];
        throw new OperationException(
            "failed to "
                + action
                + ": "
                + current
                + " + "
                + delta
                + " does not fit in a 32-bit integer",
            e);
      }
      throw translate(action, key, "a string value", e);
    } catch (JedisException e) {
      throw translate(action, key, "a string value", e);
    }
    return Math.toIntExact((Long) n);
  }

  @Override
  public long listAdd(String list, String value) {
    return run("add to list '" + shown(list) + "'", list, "a list", () -> redis.rpush(list, value));
  }

  @Override
  public boolean listClear(String list) {
    return clear(list, "list", "clear list '" + shown(list) + "'");
  }

  @Override
  public boolean listDel(String list, String value) {
    return run(
            "delete from list '" + shown(list) + "'",
            list,
            "a list",
            () -> redis.lrem(list, 1, value))
        > 0;
  }

  @Override
  public List<String> listRange(String list, int start, int stop) {
    return run(
        "read list '" + shown(list) + "'", list, "a list", () -> redis.lrange(list, start, stop));
  }

  @Override
  public long setAdd(String set, String value) {
    return run("add to set '" + shown(set) + "'", set, "a set", () -> redis.sadd(set, value));
  }

  @Override
  public long setDel(String set, String value) {
    return run("delete from set '" + shown(set) + "'", set, "a set", () -> redis.srem(set, value));
  }

  @Override
  public List<String> setQuery(String set) {
    return new ArrayList<>(
        run("read set '" + shown(set) + "'", set, "a set", () -> redis.smembers(set)));
  }

  @Override
  public List<String> setUnion(List<String> sets) {
    if (sets.isEmpty()) {
      throw new OperationException("failed to compute a set union: no set names given");
    }
    String[] keys = sets.toArray(String[]::new);
    return new ArrayList<>(run("compute a set union", null, "a set", () -> redis.sunion(keys)));
  }

  @Override
  public List<String> setIntersection(List<String> sets) {
    if (sets.isEmpty()) {
      throw new OperationException("failed to compute a set intersection: no set names given");
    }
    String[] keys = sets.toArray(String[]::new);
    return new ArrayList<>(
        run("compute a set intersection", null, "a set", () -> redis.sinter(keys)));
  }

  @Override
  public boolean setClear(String set) {
    return clear(set, "set", "clear set '" + shown(set) + "'");
  }

  @Override
  public void close() {
    redis.close();
  }

  private boolean clear(String key, String type, String action) {
    Object deleted =
        run(action, key, "a " + type, () -> redis.eval(CLEAR, List.of(key), List.of(type)));
    return ((Long) deleted) > 0;
  }

  /**
   * Runs one command; a Redis failure becomes an {@link OperationException} ({@link #translate}).
   *
   * @param key the key the command acts on, for the kind in a WRONGTYPE message, or null
   * @param wanted what the command needs the key to hold ("a list"), or null
   */
  private <T> T run(String action, String key, String wanted, Supplier<T> command) {
    try {
      return command.get();
    } catch (JedisException e) {
      throw translate(action, key, wanted, e);
    }
  }

  /**
   * A Redis failure as a message: a key of another kind ({@code WRONGTYPE}) names what it holds; a
   * value that is not an integer says so; an unreachable server names the url.
   */
  private OperationException translate(String action, String key, String wanted, JedisException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (e instanceof JedisConnectionException) {
      return new OperationException(
          "failed to "
              + action
              + ": Redis at "
              + url
              + " does not answer: "
              + message
              + "; check that it runs and the link value URL",
          e);
    }
    if (e instanceof JedisDataException && message.startsWith("WRONGTYPE")) {
      return new OperationException(
          "failed to " + action + ": " + wrongType(key, wanted, message), e);
    }
    if (e instanceof JedisDataException && message.contains("not an integer")) {
      return new OperationException(
          "failed to " + action + ": its value" + shownValue(key) + " is not an integer", e);
    }
    return new OperationException("failed to " + action + ": Redis said: " + message, e);
  }

  private String wrongType(String key, String wanted, String message) {
    if (key == null || wanted == null) {
      return "one of the keys holds another kind of value (" + message + ")";
    }
    String held;
    try {
      held = redis.type(key);
    } catch (JedisException e) {
      held = "value of another kind";
    }
    String label = held.equals("string") ? "string value" : held;
    return "key '" + shown(key) + "' holds a " + label + ", not " + wanted;
  }

  /** {@code " 'abc'"}, the value of {@code key} for a message, or {@code ""}. */
  private String shownValue(String key) {
    try {
      String value = key == null ? null : redis.get(key);
      return value == null ? "" : " '" + shown(value) + "'";
    } catch (JedisException e) {
      return "";
    }
  }

  private static String shown(String key) {
    return key.length() <= SHOWN ? key : key.substring(0, SHOWN) + "…";
  }
}
