package io.github.motcua.calendar;

/**
 * The astronomy behind the lunar calendar, written from the published formulas (J. Meeus,
 * <i>Astronomical Algorithms</i>, 2nd ed.: ch. 49 for the true new moon, ch. 25 for the Sun's
 * apparent longitude; F. Espenak and J. Meeus' polynomials for ΔT). Times are Julian days; days
 * are epoch days (1970-01-01 = 0) in the calendar's zone UTC+7 (meridian 105° E).
 *
 * <p>Stateless and thread-safe.
 */
final class Astronomy {
    /** Vietnam's lunar calendar is computed for UTC+7 (FACTS.md §3 rule 5). */
    static final double ZONE_HOURS = 7.0;
    private static final double JD_UNIX_EPOCH_MIDNIGHT = 2440587.5;
    private static final double SYNODIC_MONTH = 29.530588861;
    private static final double NEW_MOON_K0_JDE = 2451550.09766;
    private static final double RAD = Math.PI / 180.0;

    private Astronomy() {
    }

    /** ΔT = TT − UT in seconds for a decimal year (Espenak–Meeus polynomials, 1860–2200+). */
    static double deltaTSeconds(double year) {
        if (year < 1900) {
            double t = year - 1860;
            return 7.62 + 0.5737 * t - 0.251754 * t * t + 0.01680668 * t * t * t
                    - 0.0004473624 * t * t * t * t + t * t * t * t * t / 233174.0;
        }
        if (year < 1920) {
            double t = year - 1900;
            return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t - 0.000197 * t * t * t * t;
        }
        if (year < 1941) {
            double t = year - 1920;
            return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
        }
        if (year < 1961) {
            double t = year - 1950;
            return 29.07 + 0.407 * t - t * t / 233.0 + t * t * t / 2547.0;
        }
        if (year < 1986) {
            double t = year - 1975;
            return 45.45 + 1.067 * t - t * t / 260.0 - t * t * t / 718.0;
        }
        if (year < 2005) {
            double t = year - 2000;
            return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t
                    + 0.000651814 * t * t * t * t + 0.00002373599 * t * t * t * t * t;
        }
        if (year < 2050) {
            double t = year - 2000;
            return 62.92 + 0.32217 * t + 0.005589 * t * t;
        }
        double u = (year - 1820) / 100.0;
        if (year < 2150) {
            return -20 + 32 * u * u - 0.5628 * (2150 - year);
        }
        return -20 + 32 * u * u;
    }

    private static double yearOf(double jd) {
        return 2000.0 + (jd - 2451545.0) / 365.25;
    }

    /** The lunation number k of the first new moon at or after roughly the given Julian day. */
    static long lunationNear(double jd) {
        return (long) Math.floor((jd - NEW_MOON_K0_JDE) / SYNODIC_MONTH);
    }

    /** Instant (Julian day, UT) of the true new moon of lunation k (k = 0: 2000-01-06). */
    static double newMoonJdUt(long k) {
        double kk = k;
        double t = kk / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double t4 = t3 * t;
        double jde = NEW_MOON_K0_JDE + SYNODIC_MONTH * kk + 0.00015437 * t2 - 0.000000150 * t3
                + 0.00000000073 * t4;
        double e = 1 - 0.002516 * t - 0.0000074 * t2;
        double m = (2.5534 + 29.10535670 * kk - 0.0000014 * t2 - 0.00000011 * t3) * RAD;
        double mp = (201.5643 + 385.81693528 * kk + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4) * RAD;
        double f = (160.7108 + 390.67050284 * kk - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4) * RAD;
        double om = (124.7746 - 1.56375588 * kk + 0.0020672 * t2 + 0.00000215 * t3) * RAD;
        double c = -0.40720 * Math.sin(mp)
                + 0.17241 * e * Math.sin(m)
                + 0.01608 * Math.sin(2 * mp)
                + 0.01039 * Math.sin(2 * f)
                + 0.00739 * e * Math.sin(mp - m)
                - 0.00514 * e * Math.sin(mp + m)
                + 0.00208 * e * e * Math.sin(2 * m)
                - 0.00111 * Math.sin(mp - 2 * f)
                - 0.00057 * Math.sin(mp + 2 * f)
                + 0.00056 * e * Math.sin(2 * mp + m)
                - 0.00042 * Math.sin(3 * mp)
                + 0.00042 * e * Math.sin(m + 2 * f)
                + 0.00038 * e * Math.sin(m - 2 * f)
                - 0.00024 * e * Math.sin(2 * mp - m)
                - 0.00017 * Math.sin(om)
                - 0.00007 * Math.sin(mp + 2 * m)
                + 0.00004 * Math.sin(2 * mp - 2 * f)
                + 0.00004 * Math.sin(3 * m)
                + 0.00003 * Math.sin(mp + m - 2 * f)
                + 0.00003 * Math.sin(2 * mp + 2 * f)
                - 0.00003 * Math.sin(mp + m + 2 * f)
                + 0.00003 * Math.sin(mp - m + 2 * f)
                - 0.00002 * Math.sin(mp - m - 2 * f)
                - 0.00002 * Math.sin(3 * mp + m)
                + 0.00002 * Math.sin(4 * mp);
        // planetary arguments (Meeus table 49.B)
        double a = 0.000325 * Math.sin((299.77 + 0.107408 * kk - 0.009173 * t2) * RAD)
                + 0.000165 * Math.sin((251.88 + 0.016321 * kk) * RAD)
                + 0.000164 * Math.sin((251.83 + 26.651886 * kk) * RAD)
                + 0.000126 * Math.sin((349.42 + 36.412478 * kk) * RAD)
                + 0.000110 * Math.sin((84.66 + 18.206239 * kk) * RAD)
                + 0.000062 * Math.sin((141.74 + 53.303771 * kk) * RAD)
                + 0.000060 * Math.sin((207.14 + 2.453732 * kk) * RAD)
                + 0.000056 * Math.sin((154.84 + 7.306860 * kk) * RAD)
                + 0.000047 * Math.sin((34.52 + 27.261239 * kk) * RAD)
                + 0.000042 * Math.sin((207.19 + 0.121824 * kk) * RAD)
                + 0.000040 * Math.sin((291.34 + 1.844379 * kk) * RAD)
                + 0.000037 * Math.sin((161.72 + 24.198154 * kk) * RAD)
                + 0.000035 * Math.sin((239.56 + 25.513099 * kk) * RAD)
                + 0.000023 * Math.sin((331.55 + 3.592518 * kk) * RAD);
        double jdeTrue = jde + c + a;
        return jdeTrue - deltaTSeconds(yearOf(jdeTrue)) / 86400.0;
    }

    /** The local (UTC+7) epoch day containing the given Julian day (UT). */
    static long localEpochDay(double jdUt) {
        return (long) Math.floor(jdUt + 0.5 + ZONE_HOURS / 24.0) - 2440588L;
    }

    /** The local (UTC+7) epoch day of lunation k's new moon. */
    static long newMoonDay(long k) {
        return localEpochDay(newMoonJdUt(k));
    }

    /** The Sun's apparent geocentric longitude in degrees [0, 360) at a Julian day (UT). */
    static double sunLongitude(double jdUt) {
        double jde = jdUt + deltaTSeconds(yearOf(jdUt)) / 86400.0;
        double t = (jde - 2451545.0) / 36525.0;
        double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
        double m = (357.52911 + 35999.05029 * t - 0.0001537 * t * t) * RAD;
        double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(m)
                + (0.019993 - 0.000101 * t) * Math.sin(2 * m)
                + 0.000289 * Math.sin(3 * m);
        double omega = (125.04 - 1934.136 * t) * RAD;
        double lambda = l0 + c - 0.00569 - 0.00478 * Math.sin(omega);
        lambda = lambda % 360.0;
        return lambda < 0 ? lambda + 360.0 : lambda;
    }

    /** Which 30° sector (0..11, 0 = from the March equinox) the Sun is in at local midnight starting a day. */
    static int sunSectorAtLocalMidnight(long epochDay) {
        double jdUt = epochDay + JD_UNIX_EPOCH_MIDNIGHT - ZONE_HOURS / 24.0;
        return (int) (sunLongitude(jdUt) / 30.0);
    }
}
