package io.jenkins.plugins.cdngate.bench;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;

/**
 * One bare SDK call, the baseline a gate is compared with: DescribeCdnUserResourcePackage through
 * CommonRequest over plain HTTP to an emulator, nothing else. Used in a fresh JVM by the cold-start
 * scenario and in a loop by the warm-overhead scenario.
 *
 * <p>Usage: {@code java -cp cdn-gate-bench.jar io.jenkins.plugins.cdngate.bench.BareSdkCall HOST:PORT}
 * with the AccessKey in {@code ALIBABA_CLOUD_ACCESS_KEY_ID} / {@code ALIBABA_CLOUD_ACCESS_KEY_SECRET}.
 */
public final class BareSdkCall {
    private BareSdkCall() {
    }

    public static void main(String[] args) throws Exception {
        String id = System.getenv("ALIBABA_CLOUD_ACCESS_KEY_ID");
        String secret = System.getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
        if (args.length != 1 || id == null || secret == null) {
            System.err.println("usage: BareSdkCall HOST:PORT (AccessKey in ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET)");
            System.exit(2);
        }
        CommonResponse response = call(client(id, secret), args[0]);
        System.out.println("HTTP " + response.getHttpStatus());
    }

    static IAcsClient client(String id, String secret) {
        return new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou", id, secret));
    }

    /** The same request a require-quota gate makes, without anything around it. */
    static CommonResponse call(IAcsClient client, String endpoint) throws Exception {
        CommonRequest request = new CommonRequest();
        request.setSysDomain(endpoint);
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysVersion("2018-05-10");
        request.setSysAction("DescribeCdnUserResourcePackage");
        request.setSysMethod(MethodType.POST);
        request.setSysConnectTimeout(5000);
        request.setSysReadTimeout(10000);
        request.putQueryParameter("Status", "valid");
        return client.getCommonResponse(request);
    }
}
