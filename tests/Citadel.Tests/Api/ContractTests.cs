using Istio.V1.Auth;

namespace ControlPlane.Citadel.Tests.Api;

/// <summary>Pins the CA API to istio/api security/v1alpha1/ca.proto: names and field numbers are the wire contract.</summary>
public sealed class ContractTests
{
    [Fact]
    public void IstioCertificateService_MatchesIstiosNamesAndFieldNumbers()
    {
        Assert.Equal("istio.v1.auth.IstioCertificateService", IstioCertificateService.Descriptor.FullName);
        Assert.Equal("CreateCertificate", IstioCertificateService.Descriptor.Methods.Single().Name);
        Assert.Equal("istio.v1.auth.IstioCertificateRequest", IstioCertificateRequest.Descriptor.FullName);
        Assert.Equal(1, IstioCertificateRequest.Descriptor.FindFieldByName("csr").FieldNumber);
        Assert.Equal(3, IstioCertificateRequest.Descriptor.FindFieldByName("validity_duration").FieldNumber);
        Assert.Equal(4, IstioCertificateRequest.Descriptor.FindFieldByName("metadata").FieldNumber);
        Assert.Equal("google.protobuf.Struct", IstioCertificateRequest.Descriptor.FindFieldByName("metadata").MessageType.FullName);
        Assert.Equal(1, IstioCertificateResponse.Descriptor.FindFieldByName("cert_chain").FieldNumber);
        Assert.True(IstioCertificateResponse.Descriptor.FindFieldByName("cert_chain").IsRepeated);
    }
}
