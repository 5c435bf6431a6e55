using ControlPlane.TestSupport;
using ControlPlane.Shared.Config;

namespace ControlPlane.Shared.Tests.Config.Validation.Rules;

/// <summary>AuthorizationPolicySourceRule, AuthorizationPolicyOperationRule and AuthorizationPolicyConditionRule.</summary>
public sealed class AuthorizationPolicyClauseRulesTests
{
    [Fact]
    public void Validate_FromToWhen_IsClean() => ValidationAssert.Clean(Rule("""
        {'from':[{'source':{'principals':['cluster.local/ns/default/sa/productpage'],'ipBlocks':['10.0.0.0/8','192.168.0.1']}},{'source':{'serviceAccounts':['default/reviews','ratings']}}],
         'to':[{'operation':{'methods':['GET'],'paths':['/api/{*}/info','/static/{**}'],'ports':['9080']}}],
         'when':[{'key':'request.auth.claims[iss]','values':['https://accounts.google.com']},{'key':'source.ip','notValues':['10.1.0.0/16']},{'key':'destination.port','values':['443']},{'key':'request.headers[x-user]','values':['jason']}]}
        """));

    [Theory]
    [InlineData("{'from':[{}]}", "spec.rules[0].from[0].source", "`from.source` must not be nil, found at rule 0")]
    [InlineData("{'from':[{'source':{}}]}", "spec.rules[0].from[0].source", "`from.source` must not be empty, found at rule 0")]
    [InlineData("{'from':[{'source':{'principals':['']}}]}", "spec.rules[0].from[0].source.principals[0]", "empty value not allowed, found in Principals")]
    [InlineData("{'from':[{'source':{'namespaces':['a',''] }}]}", "spec.rules[0].from[0].source.namespaces[1]", "empty value not allowed, found in Namespaces")]
    [InlineData("{'from':[{'source':{'ipBlocks':['10.0.0.0/40']}}]}", "spec.rules[0].from[0].source.ipBlocks[0]", "bad CIDR range (10.0.0.0/40)")]
    [InlineData("{'from':[{'source':{'remoteIpBlocks':['1.2.3']}}]}", "spec.rules[0].from[0].source.remoteIpBlocks[0]", "bad IP address (1.2.3)")]
    [InlineData("{'from':[{'source':{'namespaces':['a'],'serviceAccounts':['b']}}]}", "spec.rules[0].from[0].source.serviceAccounts", "cannot set serviceAccounts with namespaces or principals, found at rule 0")]
    [InlineData("{'from':[{'source':{'serviceAccounts':['a/b/c']}}]}", "spec.rules[0].from[0].source.serviceAccounts[0]", "expected format 'serviceAccount' or 'namespace/serviceAccount', found \"a/b/c\" in ServiceAccounts")]
    [InlineData("{'to':[{}]}", "spec.rules[0].to[0].operation", "`to.operation` must not be nil, found at rule 0")]
    [InlineData("{'to':[{'operation':{}}]}", "spec.rules[0].to[0].operation", "`to.operation` must not be empty, found at rule 0")]
    [InlineData("{'to':[{'operation':{'ports':['http']}}]}", "spec.rules[0].to[0].operation.ports[0]", "bad port (http)")]
    [InlineData("{'to':[{'operation':{'paths':['/a/{**}/b']}}]}", "spec.rules[0].to[0].operation.paths[0]", "invalid or unsupported path /a/{**}/b, found in Paths. Path templates must be whole segments ({*} or {**}), and {**} must be the last segment")]
    [InlineData("{'when':[{'key':'request.colour','values':['red']}]}", "spec.rules[0].when[0].key", "unknown attribute: request.colour")]
    [InlineData("{'when':[{'key':'request.headers','values':['x']}]}", "spec.rules[0].when[0].key", "bad key (request.headers): should have format a[b]")]
    [InlineData("{'when':[{'key':'destination.namespace','values':['x']}]}", "spec.rules[0].when[0].key", "attribute destination.namespace is replaced by the metadata.namespace")]
    [InlineData("{'when':[{'key':'source.ip'}]}", "spec.rules[0].when[0]", "at least one of `values` or `notValues` must be set for key source.ip")]
    [InlineData("{'when':[{'key':'source.ip','values':['10.0.0.0/99']}]}", "spec.rules[0].when[0].values[0]", "bad CIDR range (10.0.0.0/99)")]
    [InlineData("{'when':[{'key':'destination.port','notValues':['99999']}]}", "spec.rules[0].when[0].notValues[0]", "bad port (99999)")]
    public void Validate_BadClause_ReportsField(string rule, string path, string message) =>
        ValidationAssert.SingleError(Rule(rule), path, message);

    private static ConfigObject Rule(string rule) =>
        TestObjects.Create(ConfigKinds.AuthorizationPolicy, "{'selector':{'matchLabels':{'app':'reviews'}},'action':'ALLOW','rules':[" + rule + "]}");
}
