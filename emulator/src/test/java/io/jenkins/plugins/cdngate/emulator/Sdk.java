package io.jenkins.plugins.cdngate.emulator;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The real Aliyun SDK (CommonRequest over HTTP) pointed at an emulator, as the project's code uses it. */
final class Sdk {
    private final DefaultAcsClient client;
    private final String endpoint;

    private Sdk(DefaultAcsClient client, String endpoint) {
        this.client = client;
        this.endpoint = endpoint;
    }

    static Sdk of(CdnEmulator emu, String id, String secret) {
        return new Sdk(new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou", id, secret)), emu.endpoint());
    }

    static Sdk sts(CdnEmulator emu, String id, String secret, String token) {
        return new Sdk(new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou", id, secret, token)),
                emu.endpoint());
    }

    CommonRequest request(String action, MethodType method, String... queryPairs) {
        CommonRequest r = new CommonRequest();
        r.setSysDomain(endpoint);
        r.setSysProtocol(ProtocolType.HTTP);
        r.setSysVersion("2018-05-10");
        r.setSysAction(action);
        r.setSysMethod(method);
        // Per-request timeouts: the SDK's Apache client is a JVM-wide singleton (reference §2.3).
        r.setSysConnectTimeout(2000);
        r.setSysReadTimeout(3000);
        for (int i = 0; i < queryPairs.length; i += 2) {
            r.putQueryParameter(queryPairs[i], queryPairs[i + 1]);
        }
        return r;
    }

    CommonResponse send(CommonRequest r) throws ClientException {
        return client.getCommonResponse(r);
    }

    /** POST with query parameters; returns the parsed JSON body. */
    JsonObject call(String action, String... queryPairs) throws ClientException {
        CommonResponse resp = send(request(action, MethodType.POST, queryPairs));
        return JsonParser.parseString(resp.getData()).getAsJsonObject();
    }

    /** The error code the SDK reports for this call, or "OK". */
    String code(String action, String... queryPairs) {
        try {
            send(request(action, MethodType.POST, queryPairs));
            return "OK";
        } catch (ClientException e) {
            return e.getErrCode();
        }
    }

    DefaultAcsClient client() {
        return client;
    }
}
