package io.jenkins.plugins.cdngate.core.forecast;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The history file of earlier readings: one JSON object a line,
 * {@code {"at":"2026-11-30T10:00:00Z","remainingBytes":536870912000}}. Other keys are ignored (so later versions can
 * add some); {@code at} is ISO-8601 with {@code Z} or an offset ({@code +08:00}, read as that instant; lines are
 * written in UTC); a line that cannot be read (not JSON, no or a bad {@code at}, no or a bad {@code remainingBytes}) is
 * skipped and counted, never fatal; blank lines are ignored. Holds numbers and times only, never a secret.
 */
public final class Readings {

    /**
     * What a history file held.
     *
     * @param readings        the readable lines, in file order
     * @param skipped         how many non-blank lines could not be read
     * @param firstSkippedLine 1-based number of the first such line; 0 when none
     */
    public record Parsed(List<Reading> readings, int skipped, int firstSkippedLine) {
        public Parsed {
            readings = List.copyOf(readings);
        }

        /** One line saying what was skipped, or null when nothing was. */
        public String skippedSummary(String fileName) {
            if (skipped == 0) {
                return null;
            }
            return "History file " + fileName + ": " + skipped + " unreadable line" + (skipped == 1 ? "" : "s")
                    + " skipped (first: line " + firstSkippedLine + "); each line must be like "
                    + line(new Reading(Instant.parse("2026-11-30T10:00:00Z"), 536870912000L));
        }
    }

    private Readings() {
    }

    /** Reads the lines of a history file. */
    public static Parsed parse(List<String> lines) {
        List<Reading> readings = new ArrayList<>();
        int skipped = 0;
        int first = 0;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text == null || text.isBlank()) {
                continue;
            }
            Reading r = reading(text);
            if (r == null) {
                skipped++;
                if (first == 0) {
                    first = i + 1;
                }
            } else {
                readings.add(r);
            }
        }
        return new Parsed(readings, skipped, first);
    }

    /** One reading from one line, or null when the line cannot be read. */
    static Reading reading(String text) {
        try {
            JsonElement e = JsonParser.parseString(text);
            if (!e.isJsonObject()) {
                return null;
            }
            JsonObject o = e.getAsJsonObject();
            JsonElement at = o.get("at");
            JsonElement bytes = o.get("remainingBytes");
            if (at == null || !at.isJsonPrimitive() || !at.getAsJsonPrimitive().isString()
                    || bytes == null || !bytes.isJsonPrimitive() || !bytes.getAsJsonPrimitive().isNumber()) {
                return null;
            }
            JsonPrimitive number = bytes.getAsJsonPrimitive();
            String digits = number.getAsString();
            if (!digits.matches("\\d{1,19}")) {
                return null;
            }
            long remaining = Long.parseLong(digits);
            // ISO-8601 with Z or any offset (read as that instant, written back in UTC), as plan times are read;
            // no offset (a local time) is unreadable: it would be off by the machine's time zone
            return new Reading(OffsetDateTime.parse(at.getAsString()).toInstant(), remaining);
        } catch (RuntimeException e) {
            // JsonParseException, DateTimeParseException, NumberFormatException (beyond a long): unreadable line
            return null;
        }
    }

    /** The line for one reading (no line break), times to the second. */
    public static String line(Reading r) {
        JsonObject o = new JsonObject();
        o.addProperty("at", r.at().truncatedTo(ChronoUnit.SECONDS).toString());
        o.addProperty("remainingBytes", r.remainingBytes());
        return o.toString();
    }

}
