package io.github.motcua.rules;

import io.github.motcua.calendar.InternalStep;
import io.github.motcua.calendar.TimeLimit;
import io.github.motcua.dossier.Channel;
import io.github.motcua.law.LegalBasis;
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
 */
public record Procedure(String code, LocalizedText name, LocalizedText field, Level level, LocalizedText agency,
        List<Channel> channels, OnlineLevel onlineLevel, boolean boundaryFree, LocalizedText result,
        List<LegalBasis> legalBases, BaseDeadline deadline, List<InternalStep> steps,
        List<DossierComponent> components) {
    public Procedure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        channels = List.copyOf(channels);
        legalBases = List.copyOf(legalBases);
        steps = List.copyOf(steps);
        components = List.copyOf(components);
    }

    /** The component with this id, if declared. */
    public Optional<DossierComponent> component(String id) {
        return components.stream().filter(c -> c.id().equals(id)).findFirst();
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
     * @param cutOff received after this local time: counted from the next working day; {@code null}
     *               means the pack default
     */
    public record BaseDeadline(TimeLimit limit, LegalBasis basis, LocalTime cutOff) {
        public BaseDeadline {
            Objects.requireNonNull(limit, "limit");
        }
    }
}
