package io.github.motcua.fees;

import io.github.motcua.kernel.Messages;
import java.util.Locale;

import io.github.motcua.dossier.Channel;
import io.github.motcua.law.LegalBasis;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** One interpreted row of a fee table. Immutable. */
record FeeRow(
        Type type,
        String item,
        FeeKind kind,
        String nameVi,
        String nameEn,
        Tariff tariff,
        long rate,
        long fromUnit,
        long unitRate,
        Long cap,
        String unitPath,
        String copiesPath,
        boolean onRule,
        Set<Channel> channels,
        List<ExemptionCategory> categories,
        int percent,
        boolean stacks,
        LocalDate validFrom,
        LocalDate validTo,
        LegalBasis basis,
        boolean verified,
        String note,
        FeeSource source) {

    enum Type { RATE, EXEMPT, REDUCE }

    enum Tariff { FLAT, PER_UNIT, TIERED, BASE_PLUS_EXTRA }

    FeeRow {
        channels = Set.copyOf(channels);
        categories = List.copyOf(categories);
    }

    boolean inForce(LocalDate d) {
        return (validFrom == null || !d.isBefore(validFrom)) && (validTo == null || !d.isAfter(validTo));
    }

    boolean channelMatches(Channel c) {
        return channels.isEmpty() || channels.contains(c);
    }

    String window() {
        return (validFrom == null ? "…" : validFrom.toString()) + " – " + (validTo == null ? "…" : validTo.toString());
    }

    /** The per-copy amount for {@code units} units, capped. */
    Money perCopy(long units) {
        Money m;
        switch (tariff) {
            case FLAT:
                m = Money.of(rate);
                break;
            case PER_UNIT:
                m = Money.of(rate).times(units);
                break;
            case TIERED: {
                long first = Math.min(units, fromUnit - 1);
                long rest = Math.max(0, units - (fromUnit - 1));
                m = Money.of(rate).times(first).plus(Money.of(unitRate).times(rest));
                break;
            }
            case BASE_PLUS_EXTRA: {
                long extra = Math.max(0, units - (fromUnit - 1));
                m = Money.of(rate).plus(Money.of(unitRate).times(extra));
                break;
            }
            default:
                throw new IllegalStateException(String.valueOf(tariff));
        }
        return cap == null ? m : m.min(Money.of(cap));
    }

    /** The tariff in Vietnamese words, e.g. "2.000 đ/đơn vị". */
    String tariffVi() {
        return tariff(Messages.VI);
    }

    /** The tariff in words in the reader's language (fee-rules' bundle, {@code FEES_TARIFF_*}). */
    String tariff(Locale locale) {
        String rateText = Money.of(rate).format(locale);
        String s;
        switch (tariff) {
            case FLAT:
                s = Messages.render(FeeMessages.BUNDLE, copiesPath == null ? "FEES_TARIFF_FLAT_CASE" : "FEES_TARIFF_FLAT_COPY",
                        locale, "rate", rateText);
                break;
            case PER_UNIT:
                s = Messages.render(FeeMessages.BUNDLE, "FEES_TARIFF_PER_UNIT", locale, "rate", rateText);
                break;
            case TIERED:
                s = Messages.render(FeeMessages.BUNDLE, "FEES_TARIFF_TIERED", locale, "rate", rateText, "first", fromUnit - 1,
                        "unitRate", Money.of(unitRate).format(locale), "from", fromUnit);
                break;
            default:
                s = Messages.render(FeeMessages.BUNDLE, "FEES_TARIFF_BASE_PLUS_EXTRA", locale, "rate", rateText,
                        "from", fromUnit, "unitRate", Money.of(unitRate).format(locale));
        }
        if (cap != null) {
            s = Messages.render(FeeMessages.BUNDLE, "FEES_TARIFF_CAP", locale, "tariff", s, "cap", Money.of(cap).format(locale));
        }
        return s;
    }
}
