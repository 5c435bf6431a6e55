using Envoy.Config.Rbac.V3;

namespace ControlPlane.Pilot.Xds.Generation.Security;

/// <summary>
/// AND, OR and NOT over RBAC principals and permissions. A set of one is the item itself, and no
/// set is ever empty (validate.rules: <c>min_items: 1</c>); an empty AND is <c>any</c>.
/// </summary>
internal static class RbacSets
{
    public static Principal AnyPrincipal => new() { Any = true };

    public static Permission AnyPermission => new() { Any = true };

    public static Principal? Or(IReadOnlyList<Principal> ids) => ids.Count switch
    {
        0 => null,
        1 => ids[0],
        _ => new Principal { OrIds = new Principal.Types.Set { Ids = { ids } } },
    };

    public static Principal And(IReadOnlyList<Principal> ids) => ids.Count switch
    {
        0 => AnyPrincipal,
        1 => ids[0],
        _ => new Principal { AndIds = new Principal.Types.Set { Ids = { ids } } },
    };

    public static Principal? Not(Principal? id) => id is null ? null : new Principal { NotId = id };

    public static Permission? Or(IReadOnlyList<Permission> rules) => rules.Count switch
    {
        0 => null,
        1 => rules[0],
        _ => new Permission { OrRules = new Permission.Types.Set { Rules = { rules } } },
    };

    public static Permission And(IReadOnlyList<Permission> rules) => rules.Count switch
    {
        0 => AnyPermission,
        1 => rules[0],
        _ => new Permission { AndRules = new Permission.Types.Set { Rules = { rules } } },
    };

    public static Permission? Not(Permission? rule) => rule is null ? null : new Permission { NotRule = rule };
}
