package io.github.motcua.calendar;

/**
 * A time limit such as "03 ngày làm việc". CONTRACT: owned by the calendar work (may add
 * validation and factories; keep the components).
 *
 * @param amount how many units; 0 only with {@link DeadlineUnit#SAME_DAY}
 * @param unit   the unit
 */
public record TimeLimit(long amount, DeadlineUnit unit) {
}
