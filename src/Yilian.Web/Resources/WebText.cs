using System.Resources;
using Yilian.SharedKernel.Localization;

namespace Yilian.Web.Resources;

/// <summary>Marker and accessor for WebText.resx: the shells, menus and error titles.</summary>
public sealed class WebText
{
    private static readonly ResourceManager Manager = new(typeof(WebText));

    public static string Get(string key, params object?[] args) => ResourceText.Get(Manager, key, args);
}
