package io.github.motcua.kernel;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Random edits of a YAML text for {@link YamlSubsetTest}: a line deleted, duplicated, swapped or cut, its indentation
 * changed, special characters inserted or replacing one, Vietnamese decomposed (NFD). One to three edits a text.
 */
final class Mutations {
    static final String[] SPECIALS = {":", ": ", " #", "#", "-", "- ", "?", "? ", "&a ", "*a", "!", "!!str ", "|",
        ">", "'", "\"", "''", "\\", "\\\"", "\\n", "\\x41", "{", "}", "[", "]", ",", ", ", "%", "@", "`", " ", "  ", "\t",
        "\r", "\r\n", "\n", "\n  ", "\u00A0", "\u0085", "\u2028", "\uFEFF", "\u0007", "\uD83D\uDE00", "---", "...",
        "~", "0", "-1", "1.5", "e3", ".inf", "null", "true", "yes", "01", "_", "<<", "=", "a: b", "\u0301",
        "Đ", "ế", "\u00E9", "x"};

    private Mutations() {
    }

    static String mutate(String text, Random random) {
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            text = once(text, random);
        }
        return text;
    }

    private static String once(String text, Random random) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int at = random.nextInt(lines.size());
        String line = lines.get(at);
        switch (random.nextInt(11)) {
            case 0:
                lines.remove(at);
                break;
            case 1:
                lines.add(at, line);
                break;
            case 2: {
                int other = random.nextInt(lines.size());
                lines.set(at, lines.get(other));
                lines.set(other, line);
                break;
            }
            case 3:
                lines.set(at, " ".repeat(1 + random.nextInt(3)) + line);
                break;
            case 4:
                lines.set(at, line.startsWith("  ") ? line.substring(1 + random.nextInt(2)) : line.stripLeading());
                break;
            case 5:
                lines.set(at, line.substring(0, random.nextInt(line.length() + 1)));
                break;
            case 6:
            case 7: {
                int p = random.nextInt(line.length() + 1);
                lines.set(at, line.substring(0, p) + SPECIALS[random.nextInt(SPECIALS.length)] + line.substring(p));
                break;
            }
            case 8: {
                if (line.isEmpty()) {
                    break;
                }
                int p = random.nextInt(line.length());
                lines.set(at, line.substring(0, p) + SPECIALS[random.nextInt(SPECIALS.length)] + line.substring(p + 1));
                break;
            }
            case 9:
                lines.set(at, Normalizer.normalize(line, Normalizer.Form.NFD));
                break;
            default:
                return Normalizer.normalize(text, Normalizer.Form.NFD);
        }
        return String.join("\n", lines);
    }
}
