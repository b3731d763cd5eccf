using System.Collections.Immutable;
using ReportDsl.Semantics;
using ReportDsl.Validation;

namespace ReportDsl.Evolution;

/// <summary>How a cell of the target format gets its value from report data in the source format.</summary>
public enum CarryKind
{
    /// <summary>One source cell holds the same thing: its value moves unchanged (possibly under a new id or label).</summary>
    Same,

    /// <summary>Several source cells were merged into this one: their values are summed.</summary>
    Sum,

    /// <summary>
    /// The cell cannot be known exactly: it is one part of a source cell that was split, or one of several source cells
    /// that were merged. It stays missing and is reported, never guessed.
    /// </summary>
    NotExact,

    /// <summary>The cell is new: the source format has nothing that corresponds to it.</summary>
    New,
}

/// <summary>Where one target cell's value comes from.</summary>
/// <param name="Target">The cell of the target format.</param>
/// <param name="Kind">How the value is carried.</param>
/// <param name="Sources">The source cells: one for <see cref="CarryKind.Same"/>, several for a sum, the split or merged cell for <see cref="CarryKind.NotExact"/>.</param>
public sealed record CellCarry(CellSymbol Target, CarryKind Kind, ImmutableArray<CellSymbol> Sources);

/// <summary>
/// Matches the cells of one format with the cells of another through their identity: the lineage declared in the later
/// spec first (renamed, split, merged, since), then the identifier path, then the official label path. Both formats may
/// be the same, in which case every cell maps to itself. Immutable and thread-safe once built.
/// </summary>
public sealed class CellMapping
{
    private CellMapping(FormatSymbol source, FormatSymbol target, ImmutableArray<CellCarry> carries, ImmutableArray<CellSymbol> dropped)
    {
        Source = source;
        Target = target;
        Carries = carries;
        Dropped = dropped;
    }

    /// <summary>Gets the format the data is in.</summary>
    public FormatSymbol Source { get; }

    /// <summary>Gets the format the data is carried to.</summary>
    public FormatSymbol Target { get; }

    /// <summary>Gets one entry per cell of the target format, in layout order.</summary>
    public ImmutableArray<CellCarry> Carries { get; }

    /// <summary>Gets the source cells whose value no target cell receives (removed, or replaced by a split).</summary>
    public ImmutableArray<CellSymbol> Dropped { get; }

    /// <summary>Gets whether every target cell is the same cell of the same format (a spec mapped to itself).</summary>
    public bool IsIdentity => ReferenceEquals(Source, Target);

    /// <summary>Builds the mapping from one format's cells to another's.</summary>
    public static CellMapping Create(FormatSymbol source, FormatSymbol target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        if (!ReferenceEquals(source, target) && !SameFormat(source.Earlier, target) && !SameFormat(target.Earlier, source))
        {
            // No lineage joins the two directly: go through the format one of them extends or revises (a local variant
            // of 2019 reaches 2021 through 2019), so that every hop reads declared lineage.
            if (source.Earlier is { } viaSource && !SameFormat(viaSource, source))
            {
                return Compose(Create(source, viaSource), Create(viaSource, target));
            }

            if (target.Earlier is { } viaTarget && !SameFormat(viaTarget, target))
            {
                return Compose(Create(source, viaTarget), Create(viaTarget, target));
            }
        }

        var matcher = new ItemMatcher(source, target);
        var carries = ImmutableArray.CreateBuilder<CellCarry>();
        var used = new HashSet<CellSymbol>(ReferenceEqualityComparer.Instance);
        foreach (var cell in target.Tables.SelectMany(t => t.Cells))
        {
            var carry = matcher.Carry(cell);
            used.UnionWith(carry.Sources);
            carries.Add(carry);
        }

        var dropped = source.Tables.SelectMany(t => t.Cells).Where(c => !used.Contains(c)).ToImmutableArray();
        return new CellMapping(source, target, carries.ToImmutable(), dropped);
    }

    /// <summary>Gets whether two symbols are the same format: the same identifier and version, from whichever compilation.</summary>
    internal static bool SameFormat(FormatSymbol? a, FormatSymbol? b) =>
        a is not null && b is not null && (ReferenceEquals(a, b) || (a.Name == b.Name && a.Version == b.Version));

    /// <summary>Chains two mappings: a cell is carried as exactly as its worst hop allows.</summary>
    private static CellMapping Compose(CellMapping first, CellMapping second)
    {
        var byTarget = first.Carries.ToDictionary(c => c.Target.Id, StringComparer.Ordinal);
        var carries = ImmutableArray.CreateBuilder<CellCarry>();
        var used = new HashSet<CellSymbol>(ReferenceEqualityComparer.Instance);
        foreach (var carry in second.Carries)
        {
            var hops = carry.Sources.Select(s => byTarget.GetValueOrDefault(s.Id)).ToList();
            var kind = carry.Kind;
            if (kind != CarryKind.New && hops.Any(h => h is null || h.Kind == CarryKind.New))
            {
                kind = carry.Kind == CarryKind.NotExact ? CarryKind.NotExact : CarryKind.New;
            }
            else if (kind != CarryKind.New && hops.Any(h => h is { Kind: CarryKind.NotExact }))
            {
                kind = CarryKind.NotExact;
            }

            var sources = kind == CarryKind.New ? [] : hops.OfType<CellCarry>().SelectMany(h => h.Sources).Distinct().ToImmutableArray();
            if (kind is CarryKind.Same or CarryKind.Sum)
            {
                kind = sources.Length == 1 ? CarryKind.Same : CarryKind.Sum;
            }

            used.UnionWith(sources);
            carries.Add(new CellCarry(carry.Target, kind, sources));
        }

        var dropped = first.Source.Tables.SelectMany(t => t.Cells).Where(c => !used.Contains(c)).ToImmutableArray();
        return new CellMapping(first.Source, second.Target, carries.ToImmutable(), dropped);
    }

    /// <summary>
    /// Carries values into a layout of the target format. A sum is carried only when every part has a value; a cell
    /// whose kind changed between text and numbers, or whose value does not fit the target type, is left missing.
    /// </summary>
    public ReportValues Apply(ReportValues source, CellLayout targetLayout)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(targetLayout);
        var result = new ReportValues(targetLayout);
        for (var i = 0; i < Carries.Length; i++)
        {
            var carry = Carries[i];
            if (carry.Kind is CarryKind.New or CarryKind.NotExact || !targetLayout.TryGetIndex(carry.Target.Id, out var index))
            {
                continue;
            }

            Carry(source, carry, result, index);
        }

        return result;
    }

    private static void Carry(ReportValues source, CellCarry carry, ReportValues result, int index)
    {
        var type = carry.Target.Type;
        var indexes = new List<int>(carry.Sources.Length);
        foreach (var cell in carry.Sources)
        {
            if (!source.Layout.TryGetIndex(cell.Id, out var sourceIndex) || source.StateOf(sourceIndex) != CellState.Present)
            {
                return;
            }

            indexes.Add(sourceIndex);
        }

        if (type.Kind == CellTypeKind.Text)
        {
            if (indexes.Count == 1 && source.Layout.Cells[indexes[0]].Type.Kind == CellTypeKind.Text && source.TextOf(indexes[0]) is { } text)
            {
                result.SetText(index, text);
            }

            return;
        }

        var total = 0m;
        foreach (var sourceIndex in indexes)
        {
            if (source.Layout.Cells[sourceIndex].Type.Kind == CellTypeKind.Text || source.NumberOf(sourceIndex) is not { } number)
            {
                return;
            }

            total += number;
        }

        if (type.IsWholeNumber)
        {
            if (total != decimal.Truncate(total) || total is > long.MaxValue or < long.MinValue || (total < 0 && type.Kind == CellTypeKind.Count))
            {
                return;
            }

            result.SetWhole(index, (long)total);
        }
        else if ((total / 1.0000000000000000000000000000m).Scale <= type.Precision)
        {
            result.SetAmount(index, total);
        }
    }
}
