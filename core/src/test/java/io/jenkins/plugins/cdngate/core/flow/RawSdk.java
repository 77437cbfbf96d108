package io.jenkins.plugins.cdngate.core.flow;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One bare SDK call (CommonRequest over plain HTTP to the emulator), for tests of the governor below
 * the gates. Per-request timeouts, because the SDK's HTTP client is a JVM-wide singleton (reference §2.3).
 */
final class RawSdk {
    private RawSdk() {
    }

    static CommonResponse call(String endpoint, String id, String secret, String action, int readTimeoutMs)
            throws Exception {
        DefaultAcsClient client = new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou", id, secret));
        CommonRequest request = new CommonRequest();
        request.setSysDomain(endpoint);
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysVersion("2018-05-10");
        request.setSysAction(action);
        request.setSysMethod(MethodType.POST);
        request.setSysConnectTimeout(2000);
        request.setSysReadTimeout(readTimeoutMs);
        return client.getCommonResponse(request);
    }

    /** Established TCP connections from this host to the port (Linux /proc; -1 elsewhere). */
    static int establishedTo(int port) {
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        int count = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    // f[2] = remote address:port, f[3] = state (01 = ESTABLISHED)
                    if (f.length > 3 && f[2].endsWith(":" + hexPort) && "01".equals(f[3])) {
                        count++;
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (table.endsWith("tcp")) {
                    return -1;
                }
            }
        }
        return count;
    }
}
