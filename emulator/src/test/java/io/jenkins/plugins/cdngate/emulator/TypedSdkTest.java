package io.jenkins.plugins.cdngate.emulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.cdn.model.v20180510.DescribeCdnServiceRequest;
import com.aliyuncs.cdn.model.v20180510.DescribeCdnServiceResponse;
import com.aliyuncs.cdn.model.v20180510.DescribeCdnUserResourcePackageRequest;
import com.aliyuncs.cdn.model.v20180510.DescribeCdnUserResourcePackageResponse;
import com.aliyuncs.cdn.model.v20180510.OpenCdnServiceRequest;
import com.aliyuncs.cdn.model.v20180510.OpenCdnServiceResponse;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The official typed CDN client (aliyun-java-sdk-cdn 3.8.8), unchanged, pointed at the emulator:
 * it must read every field, the wrapped lock and plan arrays, and the documented errors. The project
 * itself parses CommonResponse bodies (reference §8), but users dry-run their own tools against the
 * emulator too.
 */
public class TypedSdkTest {
    private static final String ID = "LTAI-test-typed-01";
    private static final String SECRET = "test-secret-typed-01";

    private CdnEmulator emu;
    private DefaultAcsClient client;

    @Before
    public void start() {
        emu = CdnEmulator.start();
        client = new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou", ID, SECRET));
    }

    @After
    public void stop() {
        emu.close();
    }

    /** Typed requests go to their own endpoint map unless told otherwise; plain HTTP is fine on loopback. */
    private <R extends com.aliyuncs.AcsResponse, T extends com.aliyuncs.RpcAcsRequest<R>> T local(T request) {
        request.setSysEndpoint(emu.endpoint());
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysConnectTimeout(2000);
        request.setSysReadTimeout(3000);
        return request;
    }

    @Test
    public void typedDescribeCdnServiceReadsEveryFieldAndTheLocks() throws Exception {
        emu.addAccount(Account.create(ID, SECRET).activated(true).openingTime("2024-02-28T13:11:49Z")
                .chargeType("PayByTraffic").changing("PayByBandwidth", "2026-11-23T16:00:00Z")
                .locks("financial"));

        DescribeCdnServiceResponse r = client.getAcsResponse(local(new DescribeCdnServiceRequest()));

        assertNotNull(r.getRequestId());
        assertEquals("2024-02-28T13:11:49Z", r.getOpeningTime());
        assertEquals("PayByTraffic", r.getInternetChargeType());
        assertEquals("PayByBandwidth", r.getChangingChargeType());
        assertEquals("2026-11-23T16:00:00Z", r.getChangingAffectTime());
        assertEquals(1, r.getOperationLocks().size());
        assertEquals("financial", r.getOperationLocks().get(0).getLockReason());
    }

    @Test
    public void typedDescribeCdnUserResourcePackageReadsEveryPlanField() throws Exception {
        emu.addAccount(Account.create(ID, SECRET).activated(true)
                .plan(Plan.dataTransfer("FP-typed-1", "CDN data transfer plan (Chinese mainland)", 1024L, 536870912000L,
                        "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z")));

        DescribeCdnUserResourcePackageRequest request = local(new DescribeCdnUserResourcePackageRequest());
        request.setStatus("valid");
        DescribeCdnUserResourcePackageResponse r = client.getAcsResponse(request);

        assertEquals(1, r.getResourcePackageInfos().size());
        DescribeCdnUserResourcePackageResponse.ResourcePackageInfo p = r.getResourcePackageInfos().get(0);
        assertEquals("FP-typed-1", p.getInstanceId());
        assertEquals("cdnflowbag", p.getCommodityCode());
        assertEquals("1024", p.getCurrCapacity());
        assertEquals("536870912000", p.getInitCapacity());
        assertEquals("valid", p.getStatus());
        assertEquals("2027-01-01T00:00:00Z", p.getEndTime());
    }

    @Test
    public void typedOpenCdnServiceActivatesAndASecondCallSaysHasOpened() throws Exception {
        emu.addAccount(Account.create(ID, SECRET));
        OpenCdnServiceRequest open = local(new OpenCdnServiceRequest());
        open.setInternetChargeType("PayByTraffic");

        OpenCdnServiceResponse first = client.getAcsResponse(open);
        ClientException second = assertThrows(ClientException.class, () -> client.getAcsResponse(open));

        assertNotNull(first.getRequestId());
        assertEquals("CdnService.HasOpened", second.getErrCode());
    }

    @Test
    public void typedClientSeesNotActivatedAsCdnServiceNotFound() {
        emu.addAccount(Account.create(ID, SECRET));

        ClientException e = assertThrows(ClientException.class,
                () -> client.getAcsResponse(local(new DescribeCdnServiceRequest())));

        assertEquals("CdnServiceNotFound", e.getErrCode());
        assertNotNull(e.getRequestId());
    }

    @Test
    public void typedClientTurnsAWrongSecretIntoInvalidAccessKeySecret() {
        // The typed path compares the server's string to sign with its own and, when equal, reports the
        // secret as wrong (reference §2.5 and §8): this only works if the emulator's string to sign is exact.
        emu.addAccount(Account.create(ID, "another-secret"));

        ClientException e = assertThrows(ClientException.class,
                () -> client.getAcsResponse(local(new DescribeCdnServiceRequest())));

        assertEquals("SDK.InvalidAccessKeySecret", e.getErrCode());
    }
}
