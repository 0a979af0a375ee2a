package io.github.motcua.examples.desk;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Tracking;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The desk's memory: issued form tokens and received dossiers (hồ sơ đã tiếp nhận), both bounded. Thread-safe: every
 * method holds this store's lock while it reads or changes the store (and a dossier's {@link Filing.Events} lock inside
 * it, never the other way round); a dossier's size is worked out before the lock is taken.
 *
 * <p>Tokens: at most {@link #MAX_TICKETS}, the oldest dropped. Dossiers: at most {@link #MAX} of them and at most
 * {@link #MAX_BYTES} of what they keep in memory ({@link #storedBytes}: the form data as typed and as read, the
 * decision, the names and ids, and each step event recorded on it, {@link #eventBytes}). Past either bound the dossier filed or last updated longest ago is dropped, then the next,
 * until both hold; the one just filed or updated is never dropped. A dropped dossier answers 404 like an unknown id
 * (nothing is persisted: docs/desk.md).
 */
final class Filings {
    static final int MAX = 10_000;
    /**
     * 64 MiB: at the 5–10 kB a real filing keeps, about every one of the {@link #MAX} the count keeps. Without it, a pack
     * whose forms bound no string could have the desk keep 10,000 filings of near 1 MiB of form data each.
     */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    /** Form tokens kept: five open forms a dossier kept. */
    static final int MAX_TICKETS = MAX * 5;
    /**
     * What a kept dossier costs besides its form data and its decision: the {@link Filing}, its dossier and their own
     * small objects. With {@link #decisionBytes} it was measured on the JVM's heap (docs/desk.md, "Dossiers kept").
     */
    static final long FILING_OVERHEAD = 1024;

    /** A one-time form token: it gets the dossier id of its first successful submission. */
    static final class Ticket {
        volatile String filingId;
    }

    /** A dossier kept, with the bytes it counts for. */
    private static final class Kept {
        final Filing filing;
        long bytes;

        Kept(Filing filing, long bytes) {
            this.filing = filing;
            this.bytes = bytes;
        }
    }

    private final int max;
    private final long maxBytes;
    private long bytes;

    private final Map<String, Ticket> tickets = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Ticket> e) {
            return size() > MAX_TICKETS;
        }
    };
    /** In the order filed or last updated, the oldest first. */
    private final LinkedHashMap<String, Kept> filings = new LinkedHashMap<>();

    Filings() {
        this(MAX, MAX_BYTES);
    }

    /**
     * @param max      the most dossiers kept
     * @param maxBytes the most bytes they keep ({@link #storedBytes})
     */
    Filings(int max, long maxBytes) {
        if (max < 1 || maxBytes < 1) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "bounds must be positive: [%d] [%d]",
                    max, maxBytes));
        }
        this.max = max;
        this.maxBytes = maxBytes;
    }

    synchronized String issueToken(SecureRandom random) {
        byte[] b = new byte[18];
        random.nextBytes(b);
        String t = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        tickets.put(t, new Ticket());
        return t;
    }

    synchronized Ticket ticket(String token) {
        return tickets.get(token);
    }

    /** Keeps {@code f} as the most recent dossier, counting {@link #storedBytes}, and drops the oldest past the bounds. */
    void put(Filing f) {
        Kept k = new Kept(f, storedBytes(f)); // outside the lock: it writes the decision's JSON
        synchronized (this) {
            Kept old = filings.remove(f.id()); // a dossier filed again under its id is the newest, not where it stood
            if (old != null) {
                bytes -= old.bytes;
            }
            filings.put(f.id(), k);
            bytes += k.bytes;
            evict();
        }
    }

    /**
     * Records {@code e} on {@code f}, which becomes the most recently updated dossier.
     *
     * @return false when the dossier holds {@link Filing.Events#MAX} events already; null when it is no longer kept
     */
    synchronized Boolean addEvent(Filing f, Tracking.StepEvent e) {
        Kept k = filings.get(f.id());
        if (k == null || k.filing != f) {
            return null;
        }
        if (!f.events().add(e)) {
            return false;
        }
        long more = eventBytes(e);
        k.bytes += more;
        bytes += more;
        filings.remove(f.id());
        filings.put(f.id(), k);
        evict();
        return true;
    }

    /** Drops the oldest dossiers until both bounds hold; never the newest (the one just filed or updated). */
    private void evict() {
        Iterator<Kept> it = filings.values().iterator();
        while ((filings.size() > max || bytes > maxBytes) && filings.size() > 1) {
            bytes -= it.next().bytes;
            it.remove();
        }
    }

    synchronized Optional<Filing> get(String id) {
        Kept k = filings.get(id);
        return k == null ? Optional.empty() : Optional.of(k.filing);
    }

    /** How many dossiers are kept, and the bytes they count for. */
    synchronized long[] kept() {
        return new long[] {filings.size(), bytes};
    }

    /** The ids of the dossiers kept, the one filed or updated longest ago first. */
    synchronized List<String> order() {
        return new ArrayList<>(filings.keySet());
    }

    /** What a step event counts for: its officer's name as UTF-16, and 128 bytes for the rest. */
    static long eventBytes(Tracking.StepEvent e) {
        return 128L + 2L * (e.by() == null ? 0 : e.by().length());
    }

    /**
     * What a dossier keeps in memory, estimated: {@link #FILING_OVERHEAD}, every string and container of its form data as
     * typed (the dossier's copy) and as read (the filing's), each counted once however often it is shared — a string 40
     * bytes and 2 a character (UTF-16, the most a JVM string takes), a map entry 48, a list element 8, any other value 32
     * — its decision ({@link #decisionBytes}), the id, the officer's name and the session, and the events recorded so
     * far. What was posted and not kept (a field the form does not have, a body's percent-encoding) counts for nothing.
     */
    static long storedBytes(Filing f) {
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        long n = FILING_OVERHEAD + text(f.id()) + text(f.officer()) + text(f.session());
        n += tree(f.data(), seen);
        if (f.dossier() != null) {
            n += tree(f.dossier().form(), seen);
        }
        n += decisionBytes(f.decision());
        if (f.events() != null) {
            for (Tracking.StepEvent e : f.events().list()) {
                n += eventBytes(e);
            }
        }
        return n;
    }

    /**
     * What a decision keeps, from its JSON: 2 bytes for every 5 characters. Measured on the JVM's heap with the Gia Lai
     * pack (1,500 filings each, after a full collection; docs/desk.md): a certified copy kept 4.5 kB with a 6.4 kB JSON,
     * a judicial record 5.0 kB with 7.9 kB, a construction permit 8.3 kB with 13.4 kB — each estimated 19 to 23% above
     * what it kept. Part of the JSON is the pack's own text, which the decision shares with the pack; the rest grows
     * with the reasons, components, notes and trace steps, which is what the JSON's length follows.
     */
    static long decisionBytes(Decision d) {
        if (d == null) {
            return 0;
        }
        try {
            return 2L * d.toJson().length() / 5;
        } catch (RuntimeException e) {
            return 16 * 1024; // a decision that cannot write itself still takes room; more than any measured
        }
    }

    private static long text(String s) {
        return s == null ? 0 : 40 + 2L * s.length();
    }

    /** The bytes of a JSON-like tree (maps, lists, strings, other values), without recursion: its depth is the input's. */
    private static long tree(Object root, Map<Object, Boolean> seen) {
        long n = 0;
        Deque<Object> todo = new ArrayDeque<>();
        if (root != null) {
            todo.push(root);
        }
        while (!todo.isEmpty()) {
            Object o = todo.pop();
            if (seen.put(o, Boolean.TRUE) != null) {
                continue; // shared with a tree already counted
            }
            if (o instanceof String s) {
                n += text(s);
            } else if (o instanceof Map<?, ?> m) {
                n += 64;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    n += 48;
                    push(todo, e.getKey());
                    push(todo, e.getValue());
                }
            } else if (o instanceof Collection<?> c) {
                n += 40;
                for (Object x : c) {
                    n += 8;
                    push(todo, x);
                }
            } else {
                n += 32;
            }
        }
        return n;
    }

    private static void push(Deque<Object> todo, Object o) {
        if (o != null) {
            todo.push(o);
        }
    }
}
