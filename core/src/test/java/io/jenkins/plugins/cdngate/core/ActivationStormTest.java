package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.cdngate.emulator.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.Test;

/** A release train starting many pipelines on a new account activates it once, not once per pipeline. */
public class ActivationStormTest extends EmulatorFixture {

    @Test
    public void concurrentGatesOnANewAccountShareOneActivation() throws Exception {
        account(); // not activated
        // Slow answers keep every gate inside the same Describe and OpenCdnService flights.
        emu.inject("DescribeCdnService", Fault.latency(300).times(1));
        emu.inject("OpenCdnService", Fault.latency(1500));
        int gates = 8;
        ExecutorService pool = Executors.newFixedThreadPool(gates);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Report>> reports = new ArrayList<>();
        try {
            for (int i = 0; i < gates; i++) {
                reports.add(pool.submit(() -> {
                    start.await();
                    return EnsureActive.run(ensure());
                }));
            }
            start.countDown();
            for (Future<Report> report : reports) {
                Report r = report.get();
                assertEquals(r.reason(), Verdict.PASS, r.verdict());
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(1, count("OpenCdnService"));
    }
}
