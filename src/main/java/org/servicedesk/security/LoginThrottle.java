package org.servicedesk.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.servicedesk.system.TimeSource;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting anyone lock somebody else out. Failures are
 * counted per user and client address, and per client address over all users: after
 * {@value #FREE_FAILURES_PER_USER} wrong passwords for one user from one address (or
 * {@value #FREE_FAILURES_PER_ADDRESS} from one address for anyone) that pair (or address) waits,
 * 30 seconds at first and twice as long after each further failure, up to 15 minutes. The same
 * user from another address is not slowed, and no failure ever locks the account itself (Camunda's
 * permanent lock is off, see application.yml). A failure is forgotten 15 minutes after the last
 * one. Counts are kept in this node's memory: a restart forgets them, and each node counts its own.
 */
@Component
class LoginThrottle {

    static final int FREE_FAILURES_PER_USER = 5;

    static final int FREE_FAILURES_PER_ADDRESS = 20;

    static final Duration FIRST_WAIT = Duration.ofSeconds(30);

    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    static final Duration MEMORY = Duration.ofMinutes(15);

    private static final int MAX_ENTRIES = 100_000;

    private record Failures(int count, Instant last, Instant waitUntil) {
    }

    private final Map<String, Failures> byUserAndAddress = new ConcurrentHashMap<>();

    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    private final TimeSource time;

    LoginThrottle(TimeSource time) {
        this.time = time;
    }

    /** How long this user must wait before trying from this address again; zero if not at all. */
    Duration waitFor(String user, String address) {
        Instant now = time.now();
        return longer(remaining(byUserAndAddress.get(key(user, address)), now), remaining(byAddress.get(address), now));
    }

    void failed(String user, String address) {
        Instant now = time.now();
        forgetOld(now);
        byUserAndAddress.compute(key(user, address), (key, before) -> next(before, now, FREE_FAILURES_PER_USER));
        byAddress.compute(address, (key, before) -> next(before, now, FREE_FAILURES_PER_ADDRESS));
    }

    /** The right password: this user's failures from this address are forgotten (not the address's). */
    void succeeded(String user, String address) {
        byUserAndAddress.remove(key(user, address));
    }

    private static Failures next(Failures before, Instant now, int free) {
        int count = before == null || expired(before, now) ? 1 : before.count() + 1;
        Instant waitUntil = now;
        if (count >= free) {
            long doublings = Math.min(count - free, 10);
            Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
            waitUntil = now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
        }
        return new Failures(count, now, waitUntil);
    }

    private static Duration remaining(Failures failures, Instant now) {
        if (failures == null || !failures.waitUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, failures.waitUntil());
    }

    private static boolean expired(Failures failures, Instant now) {
        return failures.last().plus(MEMORY).isBefore(now) && !failures.waitUntil().isAfter(now);
    }

    private void forgetOld(Instant now) {
        if (byUserAndAddress.size() + byAddress.size() > MAX_ENTRIES) {
            byUserAndAddress.values().removeIf(failures -> expired(failures, now));
            byAddress.values().removeIf(failures -> expired(failures, now));
        }
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String key(String user, String address) {
        return user + '\n' + address;
    }
}
