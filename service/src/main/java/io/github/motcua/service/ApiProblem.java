package io.github.motcua.service;

import io.github.motcua.kernel.Messages;
import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCode;
import io.github.motcua.kernel.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An answer that is an RFC 9457 problem (application/problem+json) instead of the normal response:
 * the HTTP status, the kernel {@link Problem} whose message bundle gives the title and detail in
 * Vietnamese or English, and the items at fault (each with its JSON pointer). Thrown by the handlers
 * and rendered once, by {@link Api}. Immutable.
 */
final class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final String BUNDLE = "io/github/motcua/service/messages";

    final int status;
    final transient Problem problem;
    final transient List<Item> items;
    final String allow;
    final boolean closeConnection;
    /** A refused pack's problems (file, line, column, code, message), or {@code null}. */
    final transient List<Map<String, Object>> packProblems;

    /**
     * One value at fault, as the kernel's {@link Problem}: its stable code, its message in Vietnamese
     * and English, and (for a JSON syntax error) its line and column.
     *
     * @param pointer JSON pointer into the request body ({@code ""} for the whole body, {@code ?name}
     *                for a query parameter)
     * @param problem what is wrong there
     */
    record Item(String pointer, Problem problem) {
        /** An item of the service's own checks: the bundle's message {@code key} (an {@code ITEM_} key). */
        static Item of(String pointer, String key, String... nameValuePairs) {
            Map<String, String> args = new LinkedHashMap<>();
            for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
                args.put(nameValuePairs[i], nameValuePairs[i + 1]);
            }
            return new Item(pointer, new Problem("", 0, 0, pointer, new ProblemCode(key.substring("ITEM_".length())),
                    Severity.ERROR, BUNDLE, key, args));
        }

        /** A problem the library reported (e.g. one of an exception's {@code toProblems()}), its pointer under {@code prefix}. */
        static Item of(String prefix, Problem problem) {
            return new Item(prefix + problem.pointer(), problem);
        }

        String message(Locale locale) {
            return problem.message(locale);
        }

        String code() {
            return problem.code().name();
        }
    }

    private ApiProblem(int status, Problem problem, List<Item> items, String allow, boolean closeConnection,
            List<Map<String, Object>> packProblems) {
        super(problem.code().name(), null, false, false);
        this.status = status;
        this.problem = problem;
        this.items = List.copyOf(items);
        this.allow = allow;
        this.closeConnection = closeConnection;
        this.packProblems = packProblems == null ? null : List.copyOf(packProblems);
    }

    /** A problem whose title and detail are the bundle's {@code CODE.title} and {@code CODE.detail}. */
    static ApiProblem of(int status, String code, String... nameValuePairs) {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
            args.put(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return new ApiProblem(status, new Problem("", 0, 0, "", new ProblemCode(code), Severity.ERROR, BUNDLE, code, args),
                List.of(), null, false, null);
    }

    ApiProblem withItems(List<Item> more) {
        return new ApiProblem(status, problem, more, allow, closeConnection, packProblems);
    }

    ApiProblem withAllow(String methods) {
        return new ApiProblem(status, problem, items, methods, closeConnection, packProblems);
    }

    ApiProblem closingConnection() {
        return new ApiProblem(status, problem, items, allow, true, packProblems);
    }

    ApiProblem withPackProblems(List<Map<String, Object>> problems) {
        return new ApiProblem(status, problem, items, allow, closeConnection, problems);
    }

    String code() {
        return problem.code().name();
    }

    String title(Locale locale) {
        return Messages.render(BUNDLE, problem.key() + ".title", problem.args(), locale);
    }

    String detail(Locale locale) {
        return Messages.render(BUNDLE, problem.key() + ".detail", problem.args(), locale);
    }

    static ApiProblem notFound(String path) {
        return of(404, "NOT_FOUND", "path", path);
    }

    static ApiProblem method(String path, String allow) {
        return of(405, "METHOD_NOT_ALLOWED", "path", path, "allow", allow).withAllow(allow);
    }
}
