package dev.trellis.interfaces.event;

import java.time.Duration;

/**
 * The {@code uptime_human} text of heartbeats and ping replies, in the style of the Elixir Timex
 * humanized formatter OTP uses: {@code "1 hour, 51 minutes, 54 seconds"}, {@code "2 weeks, 1 day, 3
 * seconds"}. Zero units are left out; years are 365 days and months 30. The text is informational:
 * nothing parses it.
 */
public final class Uptime {
  private static final long MINUTE = 60;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;
  private static final long WEEK = 7 * DAY;
  private static final long MONTH = 30 * DAY;
  private static final long YEAR = 365 * DAY;

  private static final long[] SIZES = {YEAR, MONTH, WEEK, DAY, HOUR, MINUTE, 1};
  private static final String[] UNITS = {
    "year", "month", "week", "day", "hour", "minute", "second"
  };

  private Uptime() {}

  /** e.g. {@code 6714} → {@code "1 hour, 51 minutes, 54 seconds"}; 0 → {@code "0 seconds"}. */
  public static String human(long seconds) {
    if (seconds < 0) {
      throw new IllegalArgumentException("uptime must not be negative: " + seconds);
    }
    if (seconds == 0) {
      return "0 seconds";
    }
    StringBuilder out = new StringBuilder();
    long rest = seconds;
    for (int i = 0; i < SIZES.length; i++) {
      long count = rest / SIZES[i];
      rest %= SIZES[i];
      if (count > 0) {
        if (out.length() > 0) {
          out.append(", ");
        }
        out.append(count).append(' ').append(UNITS[i]).append(count == 1 ? "" : "s");
      }
    }
    return out.toString();
  }

  /** The text of a duration, to the second. */
  public static String human(Duration uptime) {
    return human(uptime.toSeconds());
  }
}
