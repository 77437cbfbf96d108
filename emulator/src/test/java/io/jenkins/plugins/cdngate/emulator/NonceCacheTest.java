package io.jenkins.plugins.cdngate.emulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class NonceCacheTest {
    private static final long TTL = 15 * 60 * 1000L;

    @Test
    public void aNonceIsRefusedUntilItsTimeToLiveHasPassed() {
        NonceCache cache = new NonceCache(TTL, 1000);

        assertTrue(cache.firstUse("LTAI-test-0001", "n1", 0));
        assertFalse(cache.firstUse("LTAI-test-0001", "n1", TTL - 1));
        assertTrue(cache.firstUse("LTAI-test-0001", "n1", TTL));
    }

    @Test
    public void noncesAreScopedToTheAccessKey() {
        NonceCache cache = new NonceCache(TTL, 1000);

        assertTrue(cache.firstUse("LTAI-test-0001", "n1", 0));
        assertTrue(cache.firstUse("LTAI-test-0002", "n1", 0));
    }

    @Test
    public void memoryIsBoundedByForgettingTheOldestFirst() {
        NonceCache cache = new NonceCache(TTL, 3);
        for (int i = 0; i < 10; i++) {
            cache.firstUse("LTAI-test-0001", "n" + i, i);
        }

        assertTrue(cache.size() <= 3);
        assertFalse("the newest is still remembered", cache.firstUse("LTAI-test-0001", "n9", 20));
        assertTrue("the oldest was forgotten", cache.firstUse("LTAI-test-0001", "n0", 20));
    }

    @Test
    public void expiredEntriesAreDropped() {
        NonceCache cache = new NonceCache(10, 1000);
        for (int i = 0; i < 100; i++) {
            cache.firstUse("LTAI-test-0001", "n" + i, 0);
        }

        cache.firstUse("LTAI-test-0001", "late", 11);

        assertEquals(1, cache.size());
    }
}
