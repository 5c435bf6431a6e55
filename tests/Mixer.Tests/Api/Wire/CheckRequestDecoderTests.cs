using ControlPlane.Mixer.Api;
using ControlPlane.Mixer.Api.Wire;
using Envoy.Service.Auth.V3;
using Google.Protobuf;

namespace ControlPlane.Mixer.Tests.Api.Wire;

/// <summary>
/// The decoder against the generated parser: for random requests, their concatenations (which
/// protobuf defines as a merge), unknown fields and truncations, both must read the same fields or
/// both must refuse the bytes.
/// </summary>
public sealed class CheckRequestDecoderTests
{
    [Fact]
    public void Decode_RandomRequests_ReadsWhatTheGeneratedParserReads()
    {
        var requests = new RandomCheckRequests(seed: 1);
        for (var i = 0; i < 3000; i++)
        {
            AssertSameAsGenerated(requests.Next().ToByteArray(), $"request {i}");
        }
    }

    [Fact]
    public void Decode_ConcatenatedRequests_MergesAsTheGeneratedParserDoes()
    {
        var requests = new RandomCheckRequests(seed: 2);
        for (var i = 0; i < 1000; i++)
        {
            AssertSameAsGenerated([.. requests.Next().ToByteArray(), .. requests.Next().ToByteArray(), .. requests.Next().ToByteArray()], $"merge {i}");
        }
    }

    [Fact]
    public void Decode_UnknownFieldsOfEveryWireType_AreSkipped()
    {
        var requests = new RandomCheckRequests(seed: 3);
        for (var i = 0; i < 1000; i++)
        {
            AssertSameAsGenerated([.. requests.UnknownFields(), .. requests.Next().ToByteArray(), .. requests.UnknownFields()], $"unknown {i}");
        }
    }

    [Fact]
    public void Decode_EveryTruncation_FailsOrSucceedsAsTheGeneratedParser()
    {
        var requests = new RandomCheckRequests(seed: 4);
        for (var i = 0; i < 100; i++)
        {
            var bytes = requests.Next().ToByteArray();
            for (var cut = 0; cut < bytes.Length; cut++)
            {
                AssertSameAsGenerated(bytes[..cut], $"request {i} cut at {cut}");
            }
        }
    }

    [Fact]
    public void Decode_InvalidUtf8InAFieldItReads_IsRefusedLikeTheGeneratedParser()
    {
        // attributes { source { principal: 0xFF 0xFE } }
        byte[] bytes = [0x0A, 0x06, 0x0A, 0x04, 0x22, 0x02, 0xFF, 0xFE];

        AssertSameAsGenerated(bytes, "invalid UTF-8");
        var problem = Assert.Throws<MalformedCheckRequestException>(() => CheckRequestDecoder.Decode(bytes));
        Assert.Equal("not a valid protobuf message: string field is not valid UTF-8 at byte 5", problem.Message);
    }

    [Fact]
    public void Decode_AuthnMetadataThatIsNotAStruct_IsMalformed()
    {
        // attributes { metadata_context { filter_metadata { key: "istio_authn" value: <truncated> } } }
        byte[] entry = [0x0A, 0x0B, .. "istio_authn"u8, 0x12, 0x02, 0x0A, 0x05];
        byte[] metadata = [0x0A, (byte)entry.Length, .. entry];
        byte[] bytes = [0x0A, (byte)(metadata.Length + 2), 0x5A, (byte)metadata.Length, .. metadata];

        AssertSameAsGenerated(bytes, "bad struct");
        Assert.Throws<MalformedCheckRequestException>(() => CheckRequestDecoder.Decode(bytes));
    }

    private static void AssertSameAsGenerated(byte[] bytes, string what)
    {
        CheckRequest parsed;
        try
        {
            parsed = CheckRequest.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException)
        {
            var refused = Record.Exception(() => CheckRequestDecoder.Decode(bytes));
            Assert.True(refused is MalformedCheckRequestException, $"{what}: the generated parser refuses these bytes, the decoder {(refused is null ? "accepts them" : "throws " + refused.GetType().Name)}");
            return;
        }

        CheckRequestFieldsAssert.Equal(GeneratedFields.Of(parsed), CheckRequestDecoder.Decode(bytes), what);
    }
}
