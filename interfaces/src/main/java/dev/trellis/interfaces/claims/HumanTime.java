package dev.trellis.interfaces.claims;

/**
 * The relative-time phrases of wascap's {@code TokenValidation} ({@code "in 16m"}, {@code "8h
 * ago"}): the distance is rounded down to days, hours or minutes, then formatted as the Rust {@code
 * humantime} crate does.
 */
final class HumanTime {
  private static final long MINUTE = 60;
  private static final long HOUR = 3_600;
  private static final long DAY = 86_400;
  private static final long MONTH = 2_630_016;
  private static final long YEAR = 31_557_600;

  private HumanTime() {}

  /** {@code "in …"} when {@code stamp} is after {@code now}, else {@code "… ago"}. */
  static String relative(long stamp, long now) {
    long diff = Math.abs(now - stamp);
    if (diff >= DAY) {
      diff -= diff % DAY;
    } else if (diff >= HOUR) {
      diff -= diff % HOUR;
    } else if (diff >= MINUTE) {
      diff -= diff % MINUTE;
    }
    String text = format(diff);
    return now > stamp ? text + " ago" : "in " + text;
  }

  static String format(long seconds) {
    if (seconds == 0) {
      return "0s";
    }
    long years = seconds / YEAR;
    long yearRest = seconds % YEAR;
    long months = yearRest / MONTH;
    long monthRest = yearRest % MONTH;
    long days = monthRest / DAY;
    long daySeconds = monthRest % DAY;
    StringBuilder out = new StringBuilder();
    plural(out, years, "year");
    plural(out, months, "month");
    plural(out, days, "day");
    item(out, daySeconds / HOUR, "h");
    item(out, daySeconds % HOUR / MINUTE, "m");
    item(out, daySeconds % MINUTE, "s");
    return out.toString();
  }

  private static void plural(StringBuilder out, long value, String name) {
    if (value > 0) {
      item(out, value, value > 1 ? name + "s" : name);
    }
  }

  private static void item(StringBuilder out, long value, String unit) {
    if (value > 0) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(value).append(unit);
    }
  }
}
