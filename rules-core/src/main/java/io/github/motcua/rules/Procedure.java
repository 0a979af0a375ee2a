package io.github.motcua.rules;

import io.github.motcua.calendar.CutOff;
import io.github.motcua.calendar.InternalStep;
import io.github.motcua.calendar.TimeLimit;
import io.github.motcua.dossier.Channel;
import io.github.motcua.law.LegalBasis;
import io.github.motcua.law.Parameter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A procedure of the catalogue (thủ tục hành chính), as declared in its procedure.yaml.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code         national code (mã thủ tục), e.g. {@code 1.001193}
 * @param name         name
 * @param field        field (lĩnh vực)
 * @param level        level of the deciding authority (cấp thực hiện)
 * @param agency       deciding agency (cơ quan thực hiện)
 * @param channels     channels accepted (cách thức thực hiện)
 * @param onlineLevel  online service level (toàn trình / một phần)
 * @param boundaryFree accepted at any desk of the province (phi địa giới hành chính)
 * @param result       the result handed back (kết quả)
 * @param legalBases   legal bases of the procedure (căn cứ pháp lý)
 * @param deadline     the base time limit (thời hạn giải quyết)
 * @param steps        internal steps with their budgets (quy trình nội bộ)
 * @param components   the component catalogue (thành phần hồ sơ), in declaration order
 * @param aliases      other codes that name this procedure (e.g. a pack-local code used before the
 *                     national code was known); a dossier naming an alias is decided by this procedure
 * @param commitment   the province's committed time (thời gian cam kết), shorter than or equal to
 *                     {@link #deadline()} (the law's maximum), or {@code null} when none is published
 * @param competence   how the competent unit (cơ quan có thẩm quyền) is found, or {@code null}
 * @param source       where the procedure's values come from when they were imported from a national
 *                     record (procedure.yaml {@code source}); {@code null} for a hand-written procedure
 * @param stepConditions the steps that apply only to some dossiers (procedure.yaml {@code steps[].when}),
 *                     e.g. the tax authority's step only when financial obligations are to be determined
 * @param deadlines    the base time limit as a dated series (procedure.yaml {@code deadline.values}: each
 *                     value with its {@code validFrom}/{@code validTo} and legal basis), or {@code null}
 *                     when procedure.yaml gives one value; {@link #deadline()} is then the latest value.
 *                     A dossier gets the value in force on its as-of date: {@link #deadlineOn(LocalDate)}
 */
public record Procedure(String code, LocalizedText name, LocalizedText field, Level level, LocalizedText agency,
        List<Channel> channels, OnlineLevel onlineLevel, boolean boundaryFree, LocalizedText result,
        List<LegalBasis> legalBases, BaseDeadline deadline, List<InternalStep> steps,
        List<DossierComponent> components, List<Alias> aliases, Commitment commitment, Competence competence,
        Source source, List<StepCondition> stepConditions, Parameter<BaseDeadline> deadlines) {
    public Procedure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        channels = List.copyOf(channels);
        legalBases = List.copyOf(legalBases);
        steps = List.copyOf(steps);
        components = List.copyOf(components);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        stepConditions = stepConditions == null ? List.of() : List.copyOf(stepConditions);
        if (deadlines != null && deadline == null) {
            deadline = deadlines.values().get(deadlines.values().size() - 1).value();
        }
    }

    /** A procedure whose steps apply to every dossier, with step conditions and a one-value base deadline. */
    public Procedure(String code, LocalizedText name, LocalizedText field, Level level, LocalizedText agency,
            List<Channel> channels, OnlineLevel onlineLevel, boolean boundaryFree, LocalizedText result,
            List<LegalBasis> legalBases, BaseDeadline deadline, List<InternalStep> steps,
            List<DossierComponent> components, List<Alias> aliases, Commitment commitment, Competence competence,
            Source source, List<StepCondition> stepConditions) {
        this(code, name, field, level, agency, channels, onlineLevel, boundaryFree, result, legalBases, deadline, steps,
                components, aliases, commitment, competence, source, stepConditions, null);
    }

    /** A procedure whose steps all apply to every dossier and whose base deadline is one value. */
    public Procedure(String code, LocalizedText name, LocalizedText field, Level level, LocalizedText agency,
            List<Channel> channels, OnlineLevel onlineLevel, boolean boundaryFree, LocalizedText result,
            List<LegalBasis> legalBases, BaseDeadline deadline, List<InternalStep> steps,
            List<DossierComponent> components, List<Alias> aliases, Commitment commitment, Competence competence,
            Source source) {
        this(code, name, field, level, agency, channels, onlineLevel, boundaryFree, result, legalBases, deadline, steps,
                components, aliases, commitment, competence, source, List.of(), null);
    }

    /**
     * A step that applies only when a form field has a value (procedure.yaml
     * {@code steps[].when: {field, equals}}): e.g. the tax authority determines financial obligations
     * only when {@code canXacDinhNghiaVuTaiChinh} is true, the commune posts the loss notice only when
     * {@code daNiemYetThongBaoMat} is false.
     *
     * @param step   the step id
     * @param field  the form path (dot notation)
     * @param equals the value that makes the step apply: a boolean, a string or a number
     */
    public record StepCondition(String step, String field, Object equals) {
        public StepCondition {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(equals, "equals");
        }
    }

    /**
     * The steps that apply to a dossier whose form reads {@code form}: every step without a condition,
     * and each step whose field holds its value (a missing field never matches).
     */
    public List<InternalStep> stepsFor(java.util.function.Function<String, Object> form) {
        if (stepConditions.isEmpty()) {
            return steps;
        }
        List<InternalStep> out = new java.util.ArrayList<>(steps.size());
        for (InternalStep s : steps) {
            boolean applies = true;
            for (StepCondition c : stepConditions) {
                if (c.step().equals(s.id())) {
                    Object v = form.apply(c.field());
                    applies &= v != null && (v.equals(c.equals())
                            || (v instanceof Number n && c.equals() instanceof Number m
                                    && new BigDecimal(n.toString()).compareTo(new BigDecimal(m.toString())) == 0));
                }
            }
            if (applies) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The base time limit in force on {@code date} (the dossier's as-of date): the series' value whose
     * {@code validFrom..validTo} covers it, or the one value unless the date is before its {@code validFrom};
     * empty when none is in force (or the procedure states no deadline).
     */
    public Optional<BaseDeadline> deadlineOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (deadlines != null) {
            return deadlines.find(date).map(Parameter.Dated::value);
        }
        if (deadline == null || (deadline.validFrom() != null && date.isBefore(deadline.validFrom()))) {
            return Optional.empty();
        }
        return Optional.of(deadline);
    }

    /** A procedure without aliases, commitment or competence rule (the shape before issue 14). */
    public Procedure(String code, LocalizedText name, LocalizedText field, Level level, LocalizedText agency,
            List<Channel> channels, OnlineLevel onlineLevel, boolean boundaryFree, LocalizedText result,
            List<LegalBasis> legalBases, BaseDeadline deadline, List<InternalStep> steps,
            List<DossierComponent> components) {
        this(code, name, field, level, agency, channels, onlineLevel, boundaryFree, result, legalBases, deadline, steps,
                components, List.of(), null, null, null, List.of());
    }

    /** A hand-written procedure (no import source). */
    public Procedure(String code, LocalizedText name, LocalizedText field, Level level, LocalizedText agency,
            List<Channel> channels, OnlineLevel onlineLevel, boolean boundaryFree, LocalizedText result,
            List<LegalBasis> legalBases, BaseDeadline deadline, List<InternalStep> steps,
            List<DossierComponent> components, List<Alias> aliases, Commitment commitment, Competence competence) {
        this(code, name, field, level, agency, channels, onlineLevel, boundaryFree, result, legalBases, deadline, steps,
                components, aliases, commitment, competence, null, List.of());
    }

    /**
     * {@code true} when values were imported from a national record and some are not reviewed yet: with a
     * per-value marking ({@link Source#values()}), when any value is unverified; else when the procedure's
     * own marking is.
     */
    public boolean importedUnreviewed() {
        return source != null && (source.values().isEmpty() ? !source.verified() : !source.unreviewed().isEmpty());
    }

    /**
     * The provenance of an imported procedure (nguồn dữ liệu): the national record it was imported from
     * and the pack's one trust marking.
     *
     * @param recordId  the portal's record id
     * @param code      the record's procedure code
     * @param updatedAt the record's {@code updatedAt} (ISO 8601 instant)
     * @param decision  the publishing decision (quyết định công bố), e.g. {@code 1908/QĐ-BNNMT}; may be null
     * @param verified  {@code true} once an analyst reviewed the imported values
     * @param note      why it is (not) verified
     * @param values    each imported value with its place in the record and its own trust marking (issue
     *                  13 item 3: an analyst marks one value reviewed, e.g. the desk deadline, while the
     *                  fees stay unverified); empty for a procedure imported before per-value marking
     */
    public record Source(String recordId, String code, String updatedAt, String decision, boolean verified, String note,
            List<ValueMark> values) {
        public Source {
            values = values == null ? List.of() : List.copyOf(values);
        }

        /** A source with the procedure's marking only. */
        public Source(String recordId, String code, String updatedAt, String decision, boolean verified, String note) {
            this(recordId, code, updatedAt, decision, verified, note, List.of());
        }

        /** The imported values not reviewed yet, in procedure.yaml order (e.g. {@code deadline.ONLINE}, {@code fees}). */
        public List<ValueMark> unreviewed() {
            return values.stream().filter(v -> !v.verified()).toList();
        }

        /** The marking of one value ({@code deadline}, {@code deadline.DESK}, {@code fees}, …), if imported. */
        public Optional<ValueMark> value(String key) {
            return values.stream().filter(v -> v.value().equals(key)).findFirst();
        }
    }

    /**
     * One imported value's provenance and trust (giá trị nhập, đã rà soát hay chưa).
     *
     * @param value    which value: {@code name}, {@code field}, {@code level}, {@code agency}, {@code channels},
     *                 {@code onlineLevel}, {@code boundaryFree}, {@code result}, {@code legalBases},
     *                 {@code deadline.<CHANNEL>}, {@code fees.<CHANNEL>}, {@code components}
     * @param from     where in the record it was read (JSON pointers)
     * @param verified {@code true} once an analyst reviewed it against the official text
     * @param note     the reviewer's note (what was checked against which text), or {@code null}
     */
    public record ValueMark(String value, String from, boolean verified, String note) {
        public ValueMark {
            Objects.requireNonNull(value, "value");
        }

        /** The value in words, Vietnamese ("thời hạn (nộp trực tiếp)") or English ("deadline (desk)"). */
        public String label(boolean en) {
            String[] k = value.split("\\.", 2);
            String what = switch (k[0]) {
                case "name" -> RulesMessages.label(en, "label.value.name");
                case "field" -> RulesMessages.label(en, "label.value.field");
                case "level" -> RulesMessages.label(en, "label.value.level");
                case "agency" -> RulesMessages.label(en, "label.value.agency");
                case "channels" -> RulesMessages.label(en, "label.value.channels");
                case "onlineLevel" -> RulesMessages.label(en, "label.value.onlineLevel");
                case "boundaryFree" -> RulesMessages.label(en, "label.value.boundaryFree");
                case "result" -> RulesMessages.label(en, "label.value.result");
                case "legalBases" -> RulesMessages.label(en, "label.value.legalBases");
                case "deadline" -> RulesMessages.label(en, "label.value.deadline");
                case "fees" -> RulesMessages.label(en, "label.value.fees");
                case "components" -> RulesMessages.label(en, "label.value.components");
                default -> k[0];
            };
            if (k.length == 1) {
                return what;
            }
            String ch = switch (k[1]) {
                case "DESK" -> RulesMessages.label(en, "label.channel.DESK");
                case "ONLINE" -> RulesMessages.label(en, "label.channel.ONLINE");
                case "POST" -> RulesMessages.label(en, "label.channel.POST");
                default -> k[1];
            };
            return what + " (" + ch + ")";
        }
    }

    /**
     * Another code naming this procedure (mã cũ, mã nội bộ).
     *
     * @param code the other code
     * @param note why it exists, e.g. which national code replaced it
     */
    public record Alias(String code, String note) {
        public Alias {
            Objects.requireNonNull(code, "code");
        }
    }

    /**
     * The province's committed processing time (thời gian giải quyết cam kết), published by a decision
     * of the provincial People's Committee, possibly in fractional working days ("0,5 ngày làm việc").
     *
     * @param amount the committed amount as published, e.g. {@code 2.5}
     * @param unit   its unit (the same unit as the law's maximum)
     * @param basis  the publishing decision, or {@code null} when none was found
     * @param note   a note (e.g. why the commitment equals the maximum), or {@code null}
     */
    public record Commitment(BigDecimal amount, io.github.motcua.calendar.DeadlineUnit unit, LegalBasis basis,
            String note, int line) {
        /** A commitment whose line in procedure.yaml is not known. */
        public Commitment(BigDecimal amount, io.github.motcua.calendar.DeadlineUnit unit, LegalBasis basis, String note) {
            this(amount, unit, basis, note, 0);
        }

        public Commitment {
            line = Math.max(0, line);
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(unit, "unit");
            if (amount.signum() <= 0) {
                throw new IllegalArgumentException("a commitment must be positive: [" + amount + "]");
            }
        }

        /**
         * The commitment as a time limit the calendar counts: whole amounts as they are; fractional
         * working days as working hours of an office day of {@code minutesPerDay} minutes, rounded up to
         * the hour (0,5 ngày làm việc of 7 h 30 → 4 giờ làm việc).
         */
        public TimeLimit limit(long minutesPerDay) {
            BigDecimal whole = amount.stripTrailingZeros();
            if (whole.scale() <= 0) {
                return new TimeLimit(whole.longValueExact(), unit);
            }
            if (unit != io.github.motcua.calendar.DeadlineUnit.WORKING_DAYS) {
                throw new IllegalArgumentException("only working days may be fractional: [" + amount + " " + unit + "]");
            }
            BigDecimal minutes = amount.multiply(BigDecimal.valueOf(minutesPerDay));
            long hours = minutes.divide(BigDecimal.valueOf(60), 0, java.math.RoundingMode.CEILING).longValueExact();
            return TimeLimit.workingHours(hours);
        }

        /** Whether this is at most {@code maximum} (same unit compared by amount). */
        public boolean withinMaximum(TimeLimit maximum) {
            return maximum.unit() == unit && amount.compareTo(BigDecimal.valueOf(maximum.amount())) <= 0;
        }

        /** The cut against {@code maximum} in percent, rounded to one decimal, or {@code null} in other units. */
        public BigDecimal cutPercent(TimeLimit maximum) {
            if (maximum.unit() != unit || maximum.amount() == 0) {
                return null;
            }
            BigDecimal max = BigDecimal.valueOf(maximum.amount());
            return max.subtract(amount).multiply(BigDecimal.valueOf(100)).divide(max, 1, java.math.RoundingMode.HALF_UP);
        }

        /** "2,5 ngày làm việc". */
        public String labelVi() {
            String n = amount.stripTrailingZeros().toPlainString().replace('.', ',');
            return switch (unit) {
                case WORKING_DAYS -> RulesMessages.label(false, "label.limit.WORKING_DAYS", n);
                case WORKING_HOURS -> RulesMessages.label(false, "label.limit.WORKING_HOURS", n);
                case CALENDAR_DAYS -> RulesMessages.label(false, "label.limit.CALENDAR_DAYS", n);
                case SAME_DAY -> RulesMessages.label(false, "label.limit.SAME_DAY");
            };
        }
    }

    /**
     * How the competent unit (cơ quan có thẩm quyền giải quyết) is found for a dossier.
     *
     * @param by    {@link By}
     * @param field for {@link By#FORM_UNIT}: the form path holding a unit code (e.g. {@code thuaDat.maXa})
     * @param unit  for {@link By#FIXED_UNIT}: the unit code in units.yaml
     * @param basis    the legal basis of that competence, or {@code null}
     * @param transfer the transfer between a receiving unit and a different competent unit, or {@code null}
     *                 when the pack sets no transfer time
     */
    public record Competence(By by, String field, String unit, LegalBasis basis, Transfer transfer) {
        public Competence {
            Objects.requireNonNull(by, "by");
        }

        /**
         * The time to move a dossier from the receiving unit to the competent unit (luân chuyển hồ sơ).
         *
         * @param limit   its length
         * @param counted true when it is inside the time limit (the appointment does not move); false
         *                when it is added to the time limit
         * @param basis   its legal basis, or {@code null}
         */
        public record Transfer(TimeLimit limit, boolean counted, LegalBasis basis) {
            public Transfer {
                Objects.requireNonNull(limit, "limit");
            }
        }

        /** Where the competent unit comes from. */
        public enum By {
            /** The applicant's residence unit ({@code applicant.residenceUnit}): civil status. */
            RESIDENCE,
            /** A unit code in the form, e.g. the plot's commune for land or the business location. */
            FORM_UNIT,
            /** One fixed unit, e.g. a provincial department. */
            FIXED_UNIT,
            /** Whichever unit receives the dossier decides it (e.g. certification at any commune). */
            RECEIVING_UNIT
        }
    }

    /** The component with this id, if declared. */
    public Optional<DossierComponent> component(String id) {
        for (DossierComponent c : components) {
            if (c.id().equals(id)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Level of the authority that decides (cấp thực hiện). */
    public enum Level { COMMUNE, PROVINCE }

    /** Online public-service level (mức độ dịch vụ công trực tuyến). */
    public enum OnlineLevel {
        /** Toàn trình: submitted, processed and returned online. */
        FULL,
        /** Một phần: partly online. */
        PARTIAL,
        /** Not offered online. */
        NONE
    }

    /**
     * The base time limit with its basis and the procedure's cut-off hour.
     *
     * @param limit  amount and unit
     * @param basis  its legal basis
     * @param cutOff received after this local time: counted from the next working day; {@code null} when
     *               no cut-off applies to the procedure. Set by the procedure's own {@code deadline.cutOff}
     *               or by a pack.yaml {@code cutOffs} rule that names it (docs/pack-format.md "Cut-off"); a
     *               pack's {@code defaults.cutOff} alone applies to no procedure
     * @param validFrom the day this limit took effect (its basis's), or {@code null} when the pack does not
     *               say; a dossier whose as-of date is earlier gets no deadline ({@code DEADLINE_FAILED})
     *               rather than today's limit applied backwards
     * @param line   the line of {@code deadline:} in procedure.yaml (what a decision's trace cites), or 0
     * @param cutOffBasis the legal basis of {@code cutOff}, which a deadline cites when the cut-off moved
     *               its start; {@code null} without a cut-off (given a cut-off and no basis, the limit's
     *               {@code basis})
     * @param validTo the last day this limit is in force (inclusive) in a dated series, or {@code null}
     */
    public record BaseDeadline(TimeLimit limit, LegalBasis basis, LocalTime cutOff, java.time.LocalDate validFrom,
            int line, LegalBasis cutOffBasis, LocalDate validTo) {
        public BaseDeadline {
            Objects.requireNonNull(limit, "limit");
            line = Math.max(0, line);
            if (cutOff == null) {
                cutOffBasis = null;
            } else if (cutOffBasis == null) {
                cutOffBasis = basis;
            }
        }

        /** A limit with no end date. */
        public BaseDeadline(TimeLimit limit, LegalBasis basis, LocalTime cutOff, java.time.LocalDate validFrom,
                int line, LegalBasis cutOffBasis) {
            this(limit, basis, cutOff, validFrom, line, cutOffBasis, null);
        }

        /** A limit whose cut-off, if any, cites the limit's own basis. */
        public BaseDeadline(TimeLimit limit, LegalBasis basis, LocalTime cutOff, java.time.LocalDate validFrom,
                int line) {
            this(limit, basis, cutOff, validFrom, line, null);
        }

        /** A limit whose line in procedure.yaml is not known. */
        public BaseDeadline(TimeLimit limit, LegalBasis basis, LocalTime cutOff, java.time.LocalDate validFrom) {
            this(limit, basis, cutOff, validFrom, 0);
        }

        /** A limit with no effective date. */
        public BaseDeadline(TimeLimit limit, LegalBasis basis, LocalTime cutOff) {
            this(limit, basis, cutOff, null);
        }

        /**
         * The cut-off for the deadline engine: the hour with its basis, or {@link CutOff#none()}.
         *
         * @throws io.github.motcua.calendar.InvalidDeadlineException when a cut-off has no basis at all
         */
        public CutOff cutOffRule() {
            return cutOff == null ? CutOff.none()
                    : new CutOff(cutOff, cutOffBasis == null ? List.of() : List.of(cutOffBasis));
        }

        /** This limit with another cut-off ({@code null}: none), citing {@code cutOffBasis}. */
        public BaseDeadline withCutOff(LocalTime cutOff, LegalBasis cutOffBasis) {
            return new BaseDeadline(limit, basis, cutOff, validFrom, line, cutOff == null ? null : cutOffBasis, validTo);
        }
    }

    /** This procedure with another base deadline (one value: no dated series). */
    public Procedure withDeadline(BaseDeadline deadline) {
        return new Procedure(code, name, field, level, agency, channels, onlineLevel, boundaryFree, result, legalBases,
                deadline, steps, components, aliases, commitment, competence, source, stepConditions, null);
    }
}
