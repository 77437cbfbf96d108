package io.jenkins.plugins.cdngate.emulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.http.MethodType;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The standalone emulator's STS and ECS metadata, driven by the real SDK and raw HTTP: roles from a roles file, an
 * AssumeRole signed like any RPC call, the temporary credentials accepted by DescribeCdnService, and the metadata
 * service answering in proxy (absolute) form with a session token in hardened mode.
 */
public class StsAndMetadataTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void standaloneRolesStsAndMetadata() throws Exception {
        Path accounts = tmp.newFile("accounts.json").toPath();
        Files.writeString(accounts, "{\"accounts\":[{\"accessKeyId\":\"LTAI-base-0901\",\"accessKeySecret\":\"base-secret-0901\"},"
                + "{\"accessKeyId\":\"LTAI-owner-0902\",\"accessKeySecret\":\"owner-secret-0902\",\"activated\":true}]}");
        Path roles = tmp.newFile("roles.json").toPath();
        Files.writeString(roles, "[{\"owner\":\"LTAI-owner-0902\",\"arn\":\"acs:ram::1234567890123456:role/deploy\","
                + "\"trust\":[\"LTAI-base-0901\"],\"instanceRole\":true}]");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        try (CdnEmulator emu = EmulatorMain.start(EmulatorMain.parse(new String[] {"--port", "0", "--accounts",
                accounts.toString(), "--roles", roles.toString(), "--metadata", "127.0.0.1:0", "--metadata-hardened"}),
                new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            String out = printed.toString(StandardCharsets.UTF_8);
            assertTrue(out, out.contains("role acs:ram::1234567890123456:role/deploy of LTAI****0902 (the ECS instance's role)"));
            assertTrue(out, out.contains("ECS metadata service on http://127.0.0.1:"));

            // STS AssumeRole, signed by the real SDK
            Sdk base = Sdk.of(emu, "LTAI-base-0901", "base-secret-0901");
            CommonRequest assume = base.request("AssumeRole", MethodType.POST, "RoleArn",
                    "acs:ram::1234567890123456:role/deploy", "RoleSessionName", "test-0901", "DurationSeconds", "900");
            assume.setSysVersion("2015-04-01");
            JsonObject creds = JsonParser.parseString(base.send(assume).getData()).getAsJsonObject()
                    .getAsJsonObject("Credentials");
            Sdk temporary = Sdk.sts(emu, creds.get("AccessKeyId").getAsString(), creds.get("AccessKeySecret").getAsString(),
                    creds.get("SecurityToken").getAsString());
            assertEquals("PayByTraffic", temporary.call("DescribeCdnService").get("InternetChargeType").getAsString());
            assertEquals("MissingSecurityToken", Sdk.of(emu, creds.get("AccessKeyId").getAsString(),
                    creds.get("AccessKeySecret").getAsString()).code("DescribeCdnService"));

            // the metadata service, asked the way a JVM whose http.proxyHost names it asks for 100.100.100.200
            int port = Integer.parseInt(out.replaceAll("(?s).*ECS metadata service on http://127\\.0\\.0\\.1:(\\d+)/.*", "$1"));
            assertEquals("401", raw(port, "GET http://100.100.100.200/latest/meta-data/ram/security-credentials/ HTTP/1.1\r\n"
                    + "Host: 100.100.100.200\r\nConnection: close\r\n\r\n").split(" ")[1]);
            String tokenAnswer = raw(port, "PUT http://100.100.100.200/latest/api/token HTTP/1.1\r\nHost: 100.100.100.200\r\n"
                    + "X-aliyun-ecs-metadata-token-ttl-seconds: 60\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            String token = tokenAnswer.substring(tokenAnswer.indexOf("\r\n\r\n") + 4);
            String name = raw(port, "GET http://100.100.100.200/latest/meta-data/ram/security-credentials/ HTTP/1.1\r\n"
                    + "Host: 100.100.100.200\r\nX-aliyun-ecs-metadata-token: " + token + "\r\nConnection: close\r\n\r\n");
            assertTrue(name, name.endsWith("\r\n\r\ndeploy"));
            String json = raw(port, "GET /latest/meta-data/ram/security-credentials/deploy HTTP/1.1\r\nHost: x\r\n"
                    + "X-aliyun-ecs-metadata-token: " + token + "\r\nConnection: close\r\n\r\n");
            JsonObject ecs = JsonParser.parseString(json.substring(json.indexOf("\r\n\r\n") + 4)).getAsJsonObject();
            assertEquals("Success", ecs.get("Code").getAsString());
            assertEquals("PayByTraffic", Sdk.sts(emu, ecs.get("AccessKeyId").getAsString(),
                    ecs.get("AccessKeySecret").getAsString(), ecs.get("SecurityToken").getAsString())
                    .call("DescribeCdnService").get("InternetChargeType").getAsString());
        }
    }

    private static String raw(int port, String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream o = s.getOutputStream();
            o.write(request.getBytes(StandardCharsets.ISO_8859_1));
            o.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
