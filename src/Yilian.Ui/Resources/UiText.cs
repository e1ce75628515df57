using System.Resources;
using Yilian.SharedKernel.Localization;

namespace Yilian.Ui.Resources;

/// <summary>Marker and accessor for UiText.resx (zh-CN neutral, en satellite): the words of the shared pieces.</summary>
public sealed class UiText
{
    private static readonly ResourceManager Manager = new(typeof(UiText));

    public static string Get(string key, params object?[] args) => ResourceText.Get(Manager, key, args);
}
