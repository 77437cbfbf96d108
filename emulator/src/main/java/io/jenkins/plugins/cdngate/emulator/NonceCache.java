package io.jenkins.plugins.cdngate.emulator;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers SignatureNonces per AccessKey for a time-to-live, in insertion order so expired entries are
 * dropped from the head. Bounded: past {@code maxEntries} the oldest nonces are forgotten early
 * (documented in docs/emulator.md) so a long load test cannot exhaust memory.
 */
final class NonceCache {
    private final long ttlMillis;
    private final int maxEntries;
    private final LinkedHashMap<String, Long> expiries = new LinkedHashMap<>();

    NonceCache(long ttlMillis, int maxEntries) {
        this.ttlMillis = ttlMillis;
        this.maxEntries = maxEntries;
    }

    /** Records the nonce; {@code false} when it was already used within the time-to-live. */
    synchronized boolean firstUse(String accessKeyId, String nonce, long nowMillis) {
        Iterator<Map.Entry<String, Long>> it = expiries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Long> head = it.next();
            if (head.getValue() <= nowMillis || expiries.size() >= maxEntries) {
                it.remove();
            } else {
                break;
            }
        }
        String key = accessKeyId + '\n' + nonce;
        Long expiry = expiries.get(key);
        if (expiry != null && expiry > nowMillis) {
            return false;
        }
        expiries.remove(key);
        expiries.put(key, nowMillis + ttlMillis);
        return true;
    }

    synchronized int size() {
        return expiries.size();
    }
}
