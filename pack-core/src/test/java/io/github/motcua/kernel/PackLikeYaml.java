package io.github.motcua.kernel;

import java.text.Normalizer;
import java.util.List;
import java.util.Random;

/**
 * Random YAML shaped like pack files — block mappings and sequences (indented, indentless, compact), flow
 * collections over one or more lines, plain, quoted and typed scalars, comments, blank lines, Vietnamese text —
 * for {@link YamlSubsetTest}. Mostly in {@link YamlSubset}'s subset; some scalars are not, on purpose.
 */
final class PackLikeYaml {
    static final List<String> KEYS = List.of("$ref", "<<", "=", "code", "name", "vi", "en", "amount", "unit", "basis", "steps", "id",
            "field", "equals", "when", "tên", "Đăng ký", "thành phần", "1.013978", "true", "null", "a-b", "x_y", "k.z",
            "\"quoted key\"", "'single key'", "\"dấu: hai chấm\"", "0", "-1", "key#hash", "ke y");
    /** Scalars that are plain-safe in block and flow context. */
    static final List<String> FLOW_SAFE = List.of("DESK", "ONLINE", "WORKING_DAYS", "Đất đai", "Hộ tịch", "17", "0",
            "-0", "-5", "1.5", "1.", "1e3", "1E-3", "-0.0", ".5", "2147483647", "2147483648", "-2147483648",
            "-2147483649", "922337203685477580", "123456789012345678", "true", "false", "null", "True", "FALSE",
            "Null", "~", "yes", "no", "on", "off", "01", "0x1F", "1_000", "+1", "2024-01-01", "1.2.3", "a#b", "x.y",
            "GL-QUY-TRINH", "thuaDat.maXa", "People's", "a \"b\" c", "a \\ b", "ND101-2024", "1e", "+", "-x",
            "Bộ phận Một cửa (Trung tâm)", "1e400", "-1e400", "1e-400", "0.1e-5", "123456789012345678901234567890.5",
            "1000000000", "-999999999", "(a)", "/path/x", "$ref", "=x", "<<", ".hidden", "a'b", "ƒ", "x~y", "%", "a%b",
            "1.0e+3",
            "\"quoted\"", "\"with \\\"escape\\\" \\n and \\t \\\\ \\/\"", "'single ''q'''", "\"\"", "''",
            "\"17\"", "'true'", "\"Ủy ban, nhân dân\"", "\"a: b\"", "\"# not a comment\"");
    /** Scalars the reader gives up on (or Jackson refuses): rare, so most generated texts stay in the subset. */
    static final List<String> RISKY = List.of(".inf", "-.inf", ".nan", "1234567890123456789", "99999999999999999999",
            "\"\\u00e9\"", "-.5", "&anchor v", "*alias", "!!str 5", "|", ">-", "@x", "`x`", "%x", "? x", "- a", "",
            "a: b", "\"two\n  lines\"");
    /** Scalars that are plain only in block context (or not at all: the reader must give up or agree). */
    static final List<String> BLOCK_ONLY = List.of("a, b", "a [b] {c}", "http://x.y/z", "10:30", "a:b",
            "text # comment", "Giấy chứng nhận, quyền sử dụng đất", "x]", "{a: 1}", "[1, 2]");

    private final Random random;
    private final StringBuilder b = new StringBuilder();
    private final boolean nfd;

    PackLikeYaml(Random random) {
        this.random = random;
        this.nfd = random.nextInt(8) == 0;
    }

    String document() {
        if (random.nextInt(4) == 0) {
            b.append("# a pack file\n");
        }
        if (random.nextInt(6) == 0) {
            sequence(0, 0, false);
        } else {
            mapping(0, 0, false);
        }
        String text = b.toString();
        return nfd ? Normalizer.normalize(text, Normalizer.Form.NFD) : text;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private void indent(int n) {
        for (int i = 0; i < n; i++) {
            b.append(' ');
        }
    }

    private String scalar(boolean inFlow) {
        int r = random.nextInt(20);
        if (random.nextInt(200) == 0) {
            return pick(RISKY);
        }
        if (r < 12) {
            return pick(FLOW_SAFE);
        }
        if (r < 14 && !inFlow) {
            return pick(BLOCK_ONLY);
        }
        return pick(List.of("Tiếp nhận hồ sơ", "Kiểm tra", "GL.DD.01", "COMMUNE", "\"Mã nội bộ cũ / former code\""));
    }

    /** A key from {@link #KEYS} made unique with {@code i} (inside its quotes, if it has any). */
    private String key(int i) {
        String k = pick(KEYS);
        char last = k.charAt(k.length() - 1);
        return last == '"' || last == '\'' ? k.substring(0, k.length() - 1) + i + last : k + i;
    }

    private void maybeComment() {
        if (random.nextInt(10) == 0) {
            b.append(" # note");
        }
    }

    private void between(int indent) {
        int r = random.nextInt(12);
        if (r == 0) {
            b.append('\n');
        } else if (r == 1) {
            indent(random.nextInt(indent + 3));
            b.append("# comment: with - dashes\n");
        }
    }

    /** Keys at {@code indent}; the first key's line already indented when {@code inline}. */
    private void mapping(int indent, int depth, boolean inline) {
        int entries = 1 + random.nextInt(depth == 0 ? 6 : 4);
        for (int i = 0; i < entries; i++) {
            if (i > 0 || !inline) {
                between(indent);
                indent(indent);
            }
            b.append(i == 0 || random.nextInt(30) != 0 ? key(i) : pick(KEYS)); // now and then a duplicate
            b.append(':');
            value(indent, depth + 1);
        }
    }

    private void value(int indent, int depth) {
        int r = depth > 4 ? random.nextInt(5) : random.nextInt(10);
        if (r < 5) {
            b.append(' ').append(scalar(false));
            maybeComment();
            b.append('\n');
        } else if (r == 4 && random.nextInt(3) == 0) {
            blockScalar(indent);
        } else if (r == 5) {
            b.append(' ');
            flow(depth, indent, random.nextInt(4) == 0);
            maybeComment();
            b.append('\n');
        } else if (r == 6 || r == 7) {
            maybeComment();
            b.append('\n');
            mapping(indent + 2 + (random.nextInt(5) == 0 ? 2 : 0), depth, false);
        } else if (r == 8) {
            b.append('\n');
            sequence(indent + 2, depth, false);
        } else {
            b.append('\n');
            sequence(indent, depth, false); // indentless
        }
    }

    /** A {@code >}/{@code |} block scalar, now and then with what the subset reader leaves to Jackson. */
    private void blockScalar(int indent) {
        b.append(' ').append(pick(List.of(">-", ">", "|", "|-", ">-", "|+", ">2", "> # c", ">-  ")));
        b.append('\n');
        int inner = indent + 2 + (random.nextInt(6) == 0 ? 1 : 0);
        int lines = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(4);
        for (int i = 0; i < lines; i++) {
            int r = random.nextInt(30);
            if (r == 0) {
                b.append('\n'); // a blank line
            } else if (r == 1) {
                indent(inner + 2); // more indented
            } else if (r == 2) {
                indent(inner - 1 - random.nextInt(2));
            } else {
                indent(inner);
            }
            b.append(pick(List.of("Từ trí nhớ, chưa đối chiếu văn bản", "text: with a colon", "# not a comment",
                    "17", "line with trailing space ", "- dash", "\"quoted\"", "a  b")));
            b.append('\n');
        }
        if (random.nextInt(5) == 0) {
            b.append('\n');
        }
    }

    private void sequence(int indent, int depth, boolean inline) {
        int items = 1 + random.nextInt(4);
        for (int i = 0; i < items; i++) {
            if (i > 0 || !inline) {
                between(indent);
                indent(indent);
            }
            b.append("- ");
            int r = depth > 4 ? random.nextInt(3) : random.nextInt(7);
            if (r < 2) {
                b.append(scalar(false));
                maybeComment();
                b.append('\n');
            } else if (r == 2) {
                flow(depth + 1, indent + 2, random.nextInt(4) == 0);
                b.append('\n');
            } else if (r < 6) {
                mapping(indent + 2, depth + 1, true);
            } else {
                sequence(indent + 2, depth + 1, true);
            }
        }
    }

    private void flow(int depth, int blockIndent, boolean multiLine) {
        boolean seq = random.nextBoolean();
        b.append(seq ? '[' : '{');
        int items = depth > 5 ? random.nextInt(2) : random.nextInt(5);
        if (items > 0 && random.nextBoolean()) {
            b.append(' ');
        }
        for (int i = 0; i < items; i++) {
            if (i > 0) {
                b.append(',');
                if (multiLine && random.nextInt(3) == 0) {
                    b.append('\n');
                    indent(blockIndent + 1 + random.nextInt(4));
                } else {
                    b.append(' ');
                }
            }
            if (!seq) {
                b.append(key(i)).append(": ");
            }
            if (depth < 5 && random.nextInt(6) == 0) {
                flow(depth + 1, blockIndent, multiLine);
            } else {
                b.append(scalar(true));
            }
        }
        if (items > 0 && random.nextBoolean()) {
            b.append(' ');
        }
        b.append(seq ? ']' : '}');
    }
}
