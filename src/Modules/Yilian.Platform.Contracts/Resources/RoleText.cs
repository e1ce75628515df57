using System.Resources;
using Yilian.SharedKernel.Localization;

namespace Yilian.Platform.Contracts.Resources;

/// <summary>Marker and accessor for RoleText.resx (zh-CN neutral, en satellite): the names of the roles.</summary>
public sealed class RoleText
{
    private static readonly ResourceManager Manager = new(typeof(RoleText));

    public static string Get(string key, params object?[] args) => ResourceText.Get(Manager, key, args);
}
