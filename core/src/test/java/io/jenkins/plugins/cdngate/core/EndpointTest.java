package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

public class EndpointTest {

    /** input -> domain handed to setSysDomain, https? */
    private static final Object[][] ACCEPTED = {
            {null, "cdn.aliyuncs.com", true},
            {"", "cdn.aliyuncs.com", true},
            {"cdn.aliyuncs.com", "cdn.aliyuncs.com", true},
            {"cdn.aliyuncs.com:443", "cdn.aliyuncs.com:443", true},
            {"https://cdn.aliyuncs.com", "cdn.aliyuncs.com", true},
            {"HTTPS://cdn.aliyuncs.com/", "cdn.aliyuncs.com", true},
            {"https://cdn.ap-southeast-1.aliyuncs.com:8443/", "cdn.ap-southeast-1.aliyuncs.com:8443", true},
            {"127.0.0.1:18080", "127.0.0.1:18080", false},
            {"http://127.0.0.1:18080", "127.0.0.1:18080", false},
            {"http://127.9.8.7:18080/", "127.9.8.7:18080", false},
            {"localhost:9000", "localhost:9000", false},
            {"http://LOCALHOST:9000", "LOCALHOST:9000", false},
            {"[::1]:9000", "[::1]:9000", false},
            {"http://[::1]:9000", "[::1]:9000", false},
            {"https://127.0.0.1:8443", "127.0.0.1:8443", true},
            {"  cdn.aliyuncs.com  ", "cdn.aliyuncs.com", true},
    };

    /** input -> a word the one-line message must contain */
    private static final String[][] REJECTED = {
            {"http://cdn.aliyuncs.com", "plain http"},
            {"http://10.0.0.1:8080", "plain http"},
            {"http://128.0.0.1:8080", "plain http"},
            {"ftp://cdn.aliyuncs.com", "scheme"},
            {"https://", "not a host"},
            {"cdn aliyuncs com", "not a host"},
            {"user@cdn.aliyuncs.com", "user name or password"},
            {"https://cdn.aliyuncs.com/path", "path"},
            {"https://cdn.aliyuncs.com?x=1", "path, query"},
            {"cdn.aliyuncs.com/cdn", "path"},
            {"cdn.aliyuncs.com:0", "port"},
            {"cdn.aliyuncs.com:70000", "port"},
            {"cdn..aliyuncs.com", "not a valid host"},
            {"-cdn.aliyuncs.com", "not a valid host"},
            {"cdn.aliyuncs.com:abc", "not a host"},
    };

    @Test
    public void acceptsHostPortAndUrlsAndPicksTheProtocol() {
        for (Object[] row : ACCEPTED) {
            Endpoint e = Endpoint.parse((String) row[0]);
            assertEquals("domain of " + row[0], row[1], e.domain());
            assertEquals("https for " + row[0], row[2], e.https());
        }
    }

    @Test
    public void rejectsUnusableEndpointsWithOneLineNamingTheFix() {
        for (String[] row : REJECTED) {
            IllegalArgumentException e = assertThrows(row[0], IllegalArgumentException.class, () -> Endpoint.parse(row[0]));
            assertTrue(row[0] + " -> " + e.getMessage(), e.getMessage().contains(row[1]));
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    public void loopbackIsDecidedOnTheTextAlone() {
        assertTrue(Endpoint.isLoopback("127.0.0.1"));
        assertTrue(Endpoint.isLoopback("127.255.255.255"));
        assertTrue(Endpoint.isLoopback("::1"));
        assertFalse(Endpoint.isLoopback("127.0.0.256"));
        assertFalse(Endpoint.isLoopback("localhost.evil.example"));
        assertFalse(Endpoint.isLoopback("127.0.0.1.nip.io"));
    }

    @Test
    public void userInfoIsRefusedWithoutRepeatingIt() {
        for (String endpoint : List.of("https://admin:s3cr3t-Pw@cdn.aliyuncs.com", "admin:s3cr3t-Pw@cdn.aliyuncs.com",
                "http://admin:s3cr3t-Pw@127.0.0.1:8080/", "https://s3cr3t-Pw@cdn.aliyuncs.com/x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Endpoint.parse(endpoint));
            assertFalse(e.getMessage(), e.getMessage().contains("s3cr3t") || e.getMessage().contains("admin"));
            assertTrue(e.getMessage(), e.getMessage().contains("user name or password"));
            // front ends use a message starting "endpoint " as it is, without quoting their input (cli CommonOptions)
            assertTrue(e.getMessage(), e.getMessage().startsWith("endpoint "));
        }
    }

    @Test
    public void aPathQueryOrFragmentIsRefusedAndABareTrailingSlashIsNot() {
        for (String endpoint : List.of("https://cdn.aliyuncs.com/path", "https://cdn.aliyuncs.com/?Action=x",
                "https://cdn.aliyuncs.com#top", "cdn.aliyuncs.com/v1", "https://cdn.aliyuncs.com//")) {
            IllegalArgumentException e = assertThrows(endpoint, IllegalArgumentException.class, () -> Endpoint.parse(endpoint));
            assertTrue(e.getMessage(), e.getMessage().contains("path, query or fragment"));
        }
        assertEquals("cdn.aliyuncs.com", Endpoint.parse("https://cdn.aliyuncs.com/").domain());
        assertEquals("cdn.aliyuncs.com", Endpoint.parse("cdn.aliyuncs.com/").domain());
    }
}
