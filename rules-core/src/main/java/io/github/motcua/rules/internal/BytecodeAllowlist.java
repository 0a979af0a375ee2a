package io.github.motcua.rules.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.objectweb.asm.Type;

/**
 * The members generated rule code may reference, outside the classes of the compile itself: the fact
 * vocabulary, a short list of pure JDK members and the pieces of Drools' executable-model DSL that
 * generated code calls. Every entry is named member by member (owner, name, and where overloads differ
 * in danger, the descriptor): a class being listed for one member allows nothing else of it.
 * docs/security.md "Bytecode verifier" gives the reason for each group.
 *
 * <p>Stateless apart from a cache of vocabulary look-ups; thread-safe.
 */
final class BytecodeAllowlist {
    /** The package of the fact vocabulary (internal name prefix, no sub-packages). */
    static final String VOCABULARY = "io/github/motcua/rules/vocabulary/";

    private static final String ANY = "*";

    /** owner -> allowed method names ("name") or exact members ("name(desc)ret"). */
    private static final Map<String, Set<String>> METHODS = new HashMap<>();
    /** owner -> static fields that may be read (GETSTATIC only); "*" = every public static field. */
    private static final Map<String, Set<String>> STATIC_FIELDS = new HashMap<>();
    /** Types whose instances may be created with NEW (their constructor must be allowed too). */
    private static final Set<String> NEW_TYPES = new HashSet<>();
    /** Types that may be named by CHECKCAST, INSTANCEOF, ANEWARRAY, LDC and catch clauses. */
    private static final Set<String> TYPES = new HashSet<>();
    /** Members whose result can be larger than their inputs: each use spends one unit of the growth budget. */
    private static final Set<String> GROWTH = new HashSet<>();
    /** Exceptions a rule may catch; nothing broader (no Throwable, Error, Exception, RuntimeException). */
    static final Set<String> CATCHABLE = Set.of("java/lang/ArithmeticException", "java/lang/NumberFormatException",
            "java/time/DateTimeException");

    /** Interfaces generated classes may implement: Drools' functional interfaces and model entry points. */
    private static final Pattern INTERFACES = Pattern.compile(
            "org/drools/model/functions/(?:Block|Predicate|Function)(?:\\d+|N)|org/drools/model/functions/HashedExpression"
                    + "|org/drools/model/Model|org/drools/model/DomainClassMetadata");
    /** Drools' consequence builders: {@code D.on(a, b).execute(block)}. */
    private static final Pattern CONSEQUENCE_BUILDER = Pattern.compile("org/drools/model/consequences/ConsequenceBuilder\\$_(?:\\d+|N)");

    private static final Map<String, Boolean> VOCABULARY_CACHE = new ConcurrentHashMap<>();

    static {
        // --- java.lang.Object and enums: the three value methods are allowed on every allowed type (see objectMethod)
        exact("java/lang/Object", "<init>()V");
        names("java/lang/Enum", "valueOf", "name", "ordinal", "compareTo", "equals", "hashCode", "toString");
        exact("java/lang/Enum", "<init>(Ljava/lang/String;I)V");
        // ECJ compiles an enum's values() to System.arraycopy of the constants array: copies, allocates nothing
        exact("java/lang/System", "arraycopy(Ljava/lang/Object;ILjava/lang/Object;II)V");

        // --- strings: comparisons and simple accessors; no repeat, no regex (matches/replaceAll/replaceFirst/split),
        // no format (its width is unbounded), no join, no replace(CharSequence, CharSequence)
        names("java/lang/String", "equals", "equalsIgnoreCase", "contentEquals", "compareTo", "compareToIgnoreCase",
                "length", "isEmpty", "isBlank", "charAt", "codePointAt", "contains", "startsWith", "endsWith",
                "indexOf", "lastIndexOf", "substring", "strip", "stripLeading", "stripTrailing", "trim", "hashCode",
                "toString", "valueOf", "concat");
        exact("java/lang/String", "replace(CC)Ljava/lang/String;", "toUpperCase(Ljava/util/Locale;)Ljava/lang/String;",
                "toLowerCase(Ljava/util/Locale;)Ljava/lang/String;");
        names("java/lang/CharSequence", "length", "charAt", "isEmpty", "toString");
        // No StringBuilder: the executable model (ECJ and javac for Java 17) concatenates with invokedynamic,
        // and a builder kept in a static field would grow across decisions.
        growth("java/lang/String.concat", "java/lang/String.toUpperCase", "java/lang/String.toLowerCase");

        // --- boxed numbers, characters, booleans; no getInteger/getLong/getBoolean (they read system properties)
        for (String box : new String[] {"Integer", "Long", "Short", "Byte", "Double", "Float"}) {
            String o = "java/lang/" + box;
            names(o, "valueOf", "intValue", "longValue", "doubleValue", "floatValue", "shortValue", "byteValue",
                    "compare", "compareTo", "equals", "hashCode", "toString", "parseInt", "parseLong", "parseShort",
                    "parseByte", "parseDouble", "parseFloat", "signum", "sum", "min", "max", "isNaN", "isInfinite",
                    "isFinite");
            staticFields(o, "MIN_VALUE", "MAX_VALUE", "TYPE");
        }
        names("java/lang/Number", "intValue", "longValue", "doubleValue", "floatValue", "shortValue", "byteValue");
        names("java/lang/Boolean", "valueOf", "booleanValue", "compare", "compareTo", "parseBoolean", "equals",
                "hashCode", "toString", "logicalAnd", "logicalOr", "logicalXor");
        staticFields("java/lang/Boolean", "TRUE", "FALSE", "TYPE");
        names("java/lang/Character", "valueOf", "charValue", "compare", "compareTo", "equals", "hashCode", "toString",
                "isDigit", "isLetter", "isLetterOrDigit", "isWhitespace", "isUpperCase", "isLowerCase", "toUpperCase",
                "toLowerCase");
        staticFields("java/lang/Character", "MIN_VALUE", "MAX_VALUE", "TYPE");

        // --- Math: pure functions (every member but random, which is neither pure nor deterministic)
        for (String m : new String[] {"java/lang/Math", "java/lang/StrictMath"}) {
            names(m, "abs", "absExact", "min", "max", "floor", "ceil", "rint", "round", "signum", "floorDiv", "floorMod",
                    "ceilDiv", "ceilMod", "addExact", "subtractExact", "multiplyExact", "negateExact", "incrementExact",
                    "decrementExact", "toIntExact", "multiplyHigh", "multiplyFull", "sqrt", "cbrt", "pow", "exp", "log",
                    "log10", "log1p", "expm1", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh",
                    "tanh", "hypot", "toRadians", "toDegrees", "ulp", "nextUp", "nextDown", "nextAfter", "copySign",
                    "getExponent", "scalb", "fma", "IEEEremainder");
            staticFields(m, "PI", "E");
        }

        // --- BigDecimal / BigInteger: arithmetic and comparisons whose size follows their inputs'. Refused: a
        // scale or an exponent from the rule (setScale, pow, movePoint*, scaleByPowerOfTen, valueOf(long, int),
        // new BigDecimal(String) — "1e999999999" then add() needs a billion digits), toPlainString (same).
        names("java/math/BigDecimal", "compareTo", "equals", "hashCode", "signum", "scale", "precision", "min", "max",
                "intValue", "longValue", "doubleValue", "floatValue", "intValueExact", "longValueExact", "toString");
        exact("java/math/BigDecimal", "valueOf(J)Ljava/math/BigDecimal;", "valueOf(D)Ljava/math/BigDecimal;",
                "abs()Ljava/math/BigDecimal;", "negate()Ljava/math/BigDecimal;", "plus()Ljava/math/BigDecimal;",
                "add(Ljava/math/BigDecimal;)Ljava/math/BigDecimal;",
                "subtract(Ljava/math/BigDecimal;)Ljava/math/BigDecimal;",
                "multiply(Ljava/math/BigDecimal;)Ljava/math/BigDecimal;",
                "divide(Ljava/math/BigDecimal;Ljava/math/RoundingMode;)Ljava/math/BigDecimal;",
                "divide(Ljava/math/BigDecimal;Ljava/math/MathContext;)Ljava/math/BigDecimal;");
        staticFields("java/math/BigDecimal", "ZERO", "ONE", "TEN");
        growth("java/math/BigDecimal.add", "java/math/BigDecimal.subtract", "java/math/BigDecimal.multiply",
                "java/math/BigDecimal.divide");
        names("java/math/BigInteger", "compareTo", "equals", "hashCode", "signum", "bitLength", "min", "max", "intValue",
                "longValue", "doubleValue", "floatValue", "intValueExact", "longValueExact");
        exact("java/math/BigInteger", "valueOf(J)Ljava/math/BigInteger;", "abs()Ljava/math/BigInteger;",
                "negate()Ljava/math/BigInteger;", "toString()Ljava/lang/String;",
                "add(Ljava/math/BigInteger;)Ljava/math/BigInteger;",
                "subtract(Ljava/math/BigInteger;)Ljava/math/BigInteger;",
                "multiply(Ljava/math/BigInteger;)Ljava/math/BigInteger;");
        staticFields("java/math/BigInteger", "ZERO", "ONE", "TWO", "TEN");
        growth("java/math/BigInteger.add", "java/math/BigInteger.subtract", "java/math/BigInteger.multiply");
        staticFields("java/math/RoundingMode", ANY);
        staticFields("java/math/MathContext", "DECIMAL32", "DECIMAL64", "DECIMAL128");

        // --- java.time values: accessors, comparisons, plus/minus. No now() (a decision reads its as-of date, not the clock)
        String[] dateLike = {"getYear", "getMonthValue", "getMonth", "getDayOfMonth", "getDayOfWeek", "getDayOfYear",
            "getHour", "getMinute", "getSecond", "getNano", "lengthOfMonth", "lengthOfYear", "isLeapYear", "isBefore",
            "isAfter", "isEqual", "compareTo", "equals", "hashCode", "toString", "plusDays", "plusWeeks", "plusMonths",
            "plusYears", "plusHours", "plusMinutes", "plusSeconds", "minusDays", "minusWeeks", "minusMonths",
            "minusYears", "minusHours", "minusMinutes", "minusSeconds", "withDayOfMonth", "withDayOfYear", "withMonth",
            "withYear", "withHour", "withMinute", "withSecond", "toLocalDate", "toLocalTime", "toEpochDay", "ofEpochDay",
            "of", "until"};
        for (String t : new String[] {"java/time/LocalDate", "java/time/LocalDateTime", "java/time/LocalTime"}) {
            names(t, dateLike);
            staticFields(t, "MIN", "MAX", "EPOCH", "MIDNIGHT", "NOON");
        }
        exact("java/time/LocalDate", "parse(Ljava/lang/CharSequence;)Ljava/time/LocalDate;",
                "atStartOfDay()Ljava/time/LocalDateTime;");
        exact("java/time/LocalDateTime", "parse(Ljava/lang/CharSequence;)Ljava/time/LocalDateTime;");
        names("java/time/chrono/ChronoLocalDate", "isBefore", "isAfter", "isEqual", "compareTo", "toEpochDay",
                "isLeapYear", "lengthOfMonth", "lengthOfYear");
        for (String t : new String[] {"java/time/DayOfWeek", "java/time/Month"}) {
            names(t, "getValue", "of", "plus", "minus", "compareTo", "equals", "hashCode", "toString", "name", "ordinal");
            staticFields(t, ANY);
        }
        names("java/time/temporal/ChronoUnit", "between");
        staticFields("java/time/temporal/ChronoUnit", ANY);
        names("java/time/Period", "between", "getYears", "getMonths", "getDays", "toTotalMonths", "isNegative", "isZero",
                "ofDays", "ofMonths", "ofYears", "of", "equals", "hashCode", "toString");
        staticFields("java/time/Period", "ZERO");

        // --- collections: read-only accessors and the immutable factories; ArrayList only as the generated
        // Rules class builds its lists (add of one element at a time)
        names("java/util/List", "of", "copyOf", "get", "size", "isEmpty", "contains", "indexOf", "lastIndexOf", "add");
        names("java/util/Set", "of", "copyOf", "size", "isEmpty", "contains");
        names("java/util/Map", "of", "get", "getOrDefault", "containsKey", "containsValue", "size", "isEmpty");
        names("java/util/Collection", "size", "isEmpty", "contains");
        exact("java/util/ArrayList", "<init>()V");
        names("java/util/ArrayList", "add", "get", "size", "isEmpty", "contains");
        NEW_TYPES.add("java/util/ArrayList");
        names("java/util/Collections", "emptyList", "emptySet", "emptyMap");
        names("java/util/Arrays", "asList");
        names("java/util/Objects", "equals", "hashCode", "isNull", "nonNull", "requireNonNullElse");
        exact("java/util/Objects", "requireNonNull(Ljava/lang/Object;)Ljava/lang/Object;",
                "requireNonNull(Ljava/lang/Object;Ljava/lang/String;)Ljava/lang/Object;",
                "toString(Ljava/lang/Object;)Ljava/lang/String;",
                "toString(Ljava/lang/Object;Ljava/lang/String;)Ljava/lang/String;");
        staticFields("java/util/Locale", "ROOT", "ENGLISH");

        // --- exceptions generated code throws (DomainClassesMetadata: unknown property)
        for (String e : new String[] {"java/lang/RuntimeException", "java/lang/IllegalArgumentException",
            "java/lang/IllegalStateException", "java/lang/ArithmeticException"}) {
            exact(e, "<init>(Ljava/lang/String;)V");
            NEW_TYPES.add(e);
        }

        // --- the generated Rules class's DATE_TIME_FORMATTER (its static initialiser): build only, never parse
        exact("java/time/format/DateTimeFormatterBuilder", "<init>()V");
        names("java/time/format/DateTimeFormatterBuilder", "parseCaseInsensitive", "appendPattern", "toFormatter");
        NEW_TYPES.add("java/time/format/DateTimeFormatterBuilder");
        TYPES.add("java/time/format/DateTimeFormatter");

        // --- Drools executable-model DSL as generated code calls it (measured on the Gia Lai pack and
        // BytecodeVerifierTest's rules): builders that describe rules; none runs code of its own
        names("org/drools/modelcompiler/dsl/pattern/D", "rule", "pattern", "declarationOf", "globalOf", "alphaIndexedBy",
                "betaIndexedBy", "reactOn", "on", "execute", "not", "exists", "forall", "and", "or");
        names("org/drools/model/PatternDSL$PatternDef", "expr", "bind", "watch");
        names("org/drools/model/impl/RuleBuilder", "build", "metadata", "attribute");
        staticFields("org/drools/model/Rule$Attribute", ANY);
        staticFields("org/drools/model/Index$ConstraintType", ANY);
        names("org/drools/model/DomainClassMetadata", "getPropertyIndex");
        exact("org/drools/model/functions/PredicateInformation", "<init>(Ljava/lang/String;[Ljava/lang/String;)V");
        names("org/drools/model/functions/PredicateInformation", "addRuleNames");
        NEW_TYPES.add("org/drools/model/functions/PredicateInformation");
        // DRL operators (==, <, >=, …) on boxed values and numbers
        names("org/drools/modelcompiler/util/EvaluationUtil", "areNullSafeEquals", "areNumbersNullSafeEquals",
                "equals", "notEquals", "greaterThan", "greaterThanNumbers", "greaterThanStringsAsNumbers",
                "greaterOrEqual", "greaterOrEqualNumbers", "greaterOrEqualStringsAsNumbers", "lessThan",
                "lessThanNumbers", "lessThanStringsAsNumbers", "lessOrEqual", "lessOrEqualNumbers",
                "lessOrEqualStringsAsNumbers", "toBigDecimal");
        // update($fact) in a consequence: the firing limit bounds what it can cause
        names("org/drools/model/Drools", "update");
        names("org/drools/model/bitmask/AllSetButLastBitMask", "get");
        // the Rules class's date format (a Drools setting)
        names("org/drools/util/DateUtils", "getDateFormatMask");

        TYPES.addAll(METHODS.keySet());
        TYPES.addAll(STATIC_FIELDS.keySet());
        TYPES.addAll(NEW_TYPES);
        TYPES.addAll(Set.of("java/lang/Object", "java/lang/Number", "java/lang/CharSequence", "java/lang/Comparable",
                "java/lang/String", "java/time/chrono/ChronoLocalDate", "java/time/DateTimeException",
                "java/lang/NumberFormatException"));
        TYPES.removeIf(t -> t.startsWith("java/lang/invoke/"));
    }

    private BytecodeAllowlist() {
    }

    private static void names(String owner, String... names) {
        METHODS.computeIfAbsent(owner, k -> new HashSet<>()).addAll(Set.of(names));
    }

    private static void exact(String owner, String... members) {
        METHODS.computeIfAbsent(owner, k -> new HashSet<>()).addAll(Set.of(members));
    }

    private static void staticFields(String owner, String... names) {
        STATIC_FIELDS.computeIfAbsent(owner, k -> new HashSet<>()).addAll(Set.of(names));
    }

    private static void growth(String... members) {
        GROWTH.addAll(Set.of(members));
    }

    /** {@link #external}: the method may be called ({@link #method}). */
    static final int ALLOWED = 1;
    /** {@link #external}: its first argument must be a string literal ({@link #literalArgument}). */
    static final int LITERAL_ARGUMENT = 2;
    /** {@link #external}: a member of the fact vocabulary. */
    static final int VOCABULARY_MEMBER = 4;
    /** {@link #external}: each call spends growth budget ({@link #growth}). */
    static final int GROWS = 8;
    /** {@link #external}: builds or changes long-lived objects ({@link #builds}). */
    static final int BUILDS = 16;
    /** {@link #external}: turns a value into a BigDecimal by parsing ({@code EvaluationUtil.toBigDecimal}). */
    static final int PARSES_DECIMAL = 32;
    /** {@link #external}: adds or subtracts BigDecimals. */
    static final int ADDS_DECIMAL = 64;

    /** A member outside the compile, as a call names it. */
    private record Member(String owner, String name, String desc) {
    }

    /** {@link #external}'s answers; at most {@link #MAX_CACHED} of them (what a hostile pack names is not kept beyond). */
    private static final Map<Member, Integer> EXTERNAL = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 16_384;

    /**
     * Everything the verifier asks about a call of a method outside the compile, in one look-up: the bits
     * {@link #ALLOWED}, {@link #LITERAL_ARGUMENT}, {@link #VOCABULARY_MEMBER}, {@link #GROWS}, {@link #BUILDS},
     * {@link #PARSES_DECIMAL}, {@link #ADDS_DECIMAL}. Each answer depends on the member alone, so it is worked out
     * once per member and JVM: a 2,000-procedure pack calls the same few hundred DSL and JDK members tens of
     * thousands of times.
     */
    static int external(String owner, String name, String desc) {
        Member key = new Member(owner, name, desc);
        Integer known = EXTERNAL.get(key);
        if (known != null) {
            return known;
        }
        int bits = (method(owner, name, desc) ? ALLOWED : 0)
                | (literalArgument(owner, name) ? LITERAL_ARGUMENT : 0)
                | (owner.startsWith(VOCABULARY) ? VOCABULARY_MEMBER : 0)
                | (growth(owner, name) ? GROWS : 0)
                | (builds(owner, name) ? BUILDS : 0)
                | (owner.equals("org/drools/modelcompiler/util/EvaluationUtil") && name.equals("toBigDecimal") ? PARSES_DECIMAL : 0)
                | (owner.equals("java/math/BigDecimal") && (name.equals("add") || name.equals("subtract")) ? ADDS_DECIMAL : 0);
        if (EXTERNAL.size() < MAX_CACHED) {
            EXTERNAL.put(key, bits);
        }
        return bits;
    }

    /** Whether a method outside the compile may be called (static, virtual, interface or special). */
    static boolean method(String owner, String name, String desc) {
        if (owner.startsWith(VOCABULARY)) {
            return vocabularyMethod(owner, name, desc);
        }
        if (CONSEQUENCE_BUILDER.matcher(owner).matches()) {
            return name.equals("execute");
        }
        Set<String> allowed = METHODS.get(owner);
        if (allowed != null && (allowed.contains(name) && !name.startsWith("<") || allowed.contains(name + desc))) {
            return true;
        }
        return objectMethod(name, desc) && type(owner);
    }

    /** equals, hashCode and toString: allowed on every allowed type (the generated classes cannot override them). */
    static boolean objectMethod(String name, String desc) {
        return name.equals("equals") && desc.equals("(Ljava/lang/Object;)Z")
                || name.equals("hashCode") && desc.equals("()I")
                || name.equals("toString") && desc.equals("()Ljava/lang/String;");
    }

    /** Whether a static field outside the compile may be read. */
    static boolean staticField(String owner, String name) {
        if (owner.startsWith(VOCABULARY)) {
            return vocabularyStaticField(owner, name);
        }
        Set<String> allowed = STATIC_FIELDS.get(owner);
        return allowed != null && (allowed.contains(ANY) || allowed.contains(name));
    }

    /** Whether NEW may create an instance of this type (outside the compile). */
    static boolean newType(String owner) {
        return NEW_TYPES.contains(owner);
    }

    /** Whether a type (internal name, or an array descriptor) may be named outside the compile. */
    static boolean type(String internalName) {
        String t = internalName;
        if (t.startsWith("[")) {
            Type e = Type.getType(t).getElementType();
            if (e.getSort() != Type.OBJECT) {
                return true;
            }
            t = e.getInternalName();
        }
        if (t.startsWith(VOCABULARY)) {
            return vocabularyType(t);
        }
        return TYPES.contains(t) || t.startsWith("org/drools/model/") || CONSEQUENCE_BUILDER.matcher(t).matches();
    }

    /** Whether a generated class may implement this interface. */
    static boolean implementable(String iface) {
        return INTERFACES.matcher(iface).matches();
    }

    /**
     * Members whose first argument must be a string literal (an LDC right before the call): the bounded
     * matcher compiles and caches a pattern per source, so a pattern built from dossier text would let a
     * citizen choose the regex (and fill the cache).
     */
    static boolean literalArgument(String owner, String name) {
        return owner.equals(VOCABULARY + "BoundedPattern") && name.equals("compile");
    }

    /**
     * Members that build or change long-lived objects: the executable-model DSL (it builds the rule
     * model once, when the KieBase is made) and {@code List.add}. Code that runs per decision may not
     * reach them, so no decision can leave anything behind for the next one.
     */
    static boolean builds(String owner, String name) {
        return owner.equals("org/drools/modelcompiler/dsl/pattern/D") || owner.equals("org/drools/model/PatternDSL$PatternDef")
                || owner.equals("org/drools/model/impl/RuleBuilder") || CONSEQUENCE_BUILDER.matcher(owner).matches()
                || owner.equals("org/drools/model/functions/PredicateInformation") && !name.equals("<init>")
                || name.equals("add") && (owner.equals("java/util/List") || owner.equals("java/util/ArrayList"));
    }

    /** Whether a call to this member spends growth budget. */
    static boolean growth(String owner, String name) {
        return GROWTH.contains(owner + "." + name);
    }

    // --- the vocabulary is read from the classes themselves: any public method declared by a public
    // vocabulary type (not its constructors: facts are made by the engine), any public static final field

    private static boolean vocabularyType(String internalName) {
        return VOCABULARY_CACHE.computeIfAbsent("T " + internalName, k -> {
            Class<?> c = vocabularyClass(internalName);
            return c != null && Modifier.isPublic(c.getModifiers());
        });
    }

    private static boolean vocabularyMethod(String owner, String name, String desc) {
        if (name.startsWith("<")) {
            return false;
        }
        return VOCABULARY_CACHE.computeIfAbsent("M " + owner + "." + name + desc, k -> {
            Class<?> c = vocabularyClass(owner);
            if (c == null || !Modifier.isPublic(c.getModifiers())) {
                return false;
            }
            for (Method m : c.getMethods()) {
                if (m.getName().equals(name) && Type.getMethodDescriptor(m).equals(desc)) {
                    String declaring = Type.getInternalName(m.getDeclaringClass());
                    return declaring.startsWith(VOCABULARY) && declaring.indexOf('/', VOCABULARY.length()) < 0
                            || objectMethod(name, desc);
                }
            }
            return false;
        });
    }

    private static boolean vocabularyStaticField(String owner, String name) {
        return VOCABULARY_CACHE.computeIfAbsent("F " + owner + "." + name, k -> {
            Class<?> c = vocabularyClass(owner);
            if (c == null || !Modifier.isPublic(c.getModifiers())) {
                return false;
            }
            try {
                Field f = c.getField(name);
                int mod = f.getModifiers();
                return Modifier.isStatic(mod) && Modifier.isFinal(mod)
                        && Type.getInternalName(f.getDeclaringClass()).startsWith(VOCABULARY);
            } catch (NoSuchFieldException e) {
                return false;
            }
        });
    }

    private static Class<?> vocabularyClass(String internalName) {
        if (internalName.indexOf('/', VOCABULARY.length()) >= 0) {
            return null; // sub-packages are not the vocabulary
        }
        try {
            return Class.forName(internalName.replace('/', '.'), false, BytecodeAllowlist.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
