using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using ReportDsl.Emit;
using ReportDsl.Semantics;
using ReportDsl.Validation;

namespace ReportDsl.Web.Validation;

/// <summary>
/// The formats the service validates against: compiled at start-up, one validator and one JSON Schema per format,
/// shared by every request (validators are thread-safe). Nothing here reads a file.
/// </summary>
internal sealed class SpecSet
{
    private readonly FrozenDictionary<(string Name, string Version), Validator> _byNameAndVersion;
    private readonly FrozenDictionary<string, FormatEntry> _byId;

    private readonly string? _specPath;

    public SpecSet(Compilation compilation, string? specPath)
    {
        _specPath = specPath;
        Validators = [.. compilation.Formats.Select(Validator.Create)];
        _byNameAndVersion = Validators.ToFrozenDictionary(v => (v.Format.Name, v.Format.Version));
        Formats = [.. Validators.Select(v => new FormatEntry(IdOf(v.Format), v, Encoding.UTF8.GetBytes(JsonSchemaEmitter.Emit(v.Format))))];
        _byId = Formats.ToFrozenDictionary(f => f.Id, StringComparer.Ordinal);
        Compilation = compilation;
    }

    /// <summary>Gets the compiled specs.</summary>
    public Compilation Compilation { get; }

    /// <summary>Gets one validator per format, in spec order.</summary>
    public ImmutableArray<Validator> Validators { get; }

    /// <summary>Gets the formats with their identifiers and schemas.</summary>
    public ImmutableArray<FormatEntry> Formats { get; }

    /// <summary>Gets how the specs are named in messages (RD3109): the spec path the service was started with, or "the bundled formats" in the request's language.</summary>
    public string Description => _specPath
        ?? (System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? "内置格式" : "the bundled formats");

    /// <summary>The identifier of a format in URLs: name and version, as in the emitted schema file names.</summary>
    public static string IdOf(FormatSymbol format) => $"{format.Name}-{format.Version}";

    public Validator? Find(string name, string version) => _byNameAndVersion.GetValueOrDefault((name, version));

    public FormatEntry? FindById(string id) => _byId.GetValueOrDefault(id);
}

/// <summary>A format the service validates against, with its identifier and its JSON Schema (UTF-8).</summary>
internal sealed record FormatEntry(string Id, Validator Validator, byte[] Schema);
