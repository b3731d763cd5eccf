using System.Collections.Immutable;
using ReportDsl.Diagnostics;
using ReportDsl.Semantics;
using ReportDsl.Syntax;

namespace ReportDsl.Binding;

internal sealed partial class Binder
{
    private ImmutableArray<SectionSymbol> _sections = [];

    private sealed partial class RuleBinder
    {
        // Set while binding the target of "present": any cell type may be named there, text included.
        private bool _bindingPresence;

        /// <summary>
        /// An existence rule, <c>present target</c>: bound as <c>present(target) = 1</c>, so that it is checked, compiled
        /// and emitted as a rule with a condition is, with the target's presence as its one side.
        /// </summary>
        private RuleSymbol BindPresenceRule(PresenceSyntax presence, RuleSeverity severity)
        {
            var quantifiers = BindQuantifiers();
            var condition = syntax.When is { } when ? BindCondition(when.Condition) : null;
            BoundExpression target = BindPresence(presence.Target);
            if (syntax.ToleranceKeyword is { } toleranceKeyword)
            {
                binder.Report(DiagnosticCatalog.ToleranceOnPresence(_source, Text.TextSpan.FromBounds(toleranceKeyword.Span.Start, (syntax.Tolerance ?? toleranceKeyword).Span.End)));
            }

            CheckQuantifiersUsed();
            if (condition is not null)
            {
                CheckCondition(condition, syntax.When?.Condition);
            }

            var messageParts = BindMessage();
            var one = new BoundNumber(1, IsWhole: true);
            return new RuleSymbol(
                syntax.Code.Text,
                _source,
                syntax.Code.Span,
                table,
                severity,
                syntax.Message.ValueText,
                null,
                quantifiers,
                target,
                ComparisonOperator.Equal,
                one,
                condition,
                [new RuleScope(table, scopeGroup, quantifiers, condition, target, one)],
                isToleranceImplied: false,
                messageParts);
        }

        /// <summary>
        /// The target of <c>present</c>: a lone name that is no item of the rule's table is a table, else a section;
        /// anything else is a cell reference, read as in a comparison but of any type.
        /// </summary>
        private BoundExpression BindPresence(CellReferenceSyntax reference)
        {
            if (reference.Row.Names.Any(n => n.IsMissing) || reference.Column?.Names.Any(n => n.IsMissing) == true)
            {
                return new BoundErrorExpression();
            }

            if (reference.PreviousKeyword is { } previous)
            {
                binder.Report(DiagnosticCatalog.PresenceOfPrevious(_source, previous.Span));
                return new BoundErrorExpression();
            }

            var names = reference.Row.Names.ToList();
            var isItem = table.Rows.Concat(table.Columns).Any(i => i.Name == names[0].Text)
                || (scopeGroup is not null && scopeGroup.Children.Any(i => i.Name == names[0].Text));
            if (names.Count == 1 && reference.Column is null && !isItem)
            {
                var name = names[0].Text;
                if (binder._allTables.FirstOrDefault(t => t.Name == name) is { } other)
                {
                    return new BoundPresence(null, null, other.Cells, "table " + other.Name);
                }

                if (binder._sections.FirstOrDefault(s => s.Name == name) is { } section)
                {
                    return section.IsProse
                        ? new BoundPresence(section, null, [], "section " + section.Name)
                        : new BoundPresence(null, null, [.. section.Tables.SelectMany(t => t.Cells)], "section " + section.Name);
                }
            }

            _bindingPresence = true;
            try
            {
                if (BindReference(reference, isSum: false) is not BoundCells cells)
                {
                    return new BoundErrorExpression();
                }

                // A fact is stated by its section's text: a report without text says nothing about it either way.
                var fact = cells is { Rows: { Length: 1 } rows, Columns: { Length: 1 } columns } ? cells.Table.GetCell(rows[0], columns[0])?.Fact : null;
                var shown = reference.Row.DisplayText + (reference.Column is { } column ? "[" + column.DisplayText + "]" : string.Empty);
                return new BoundPresence(fact?.Section, cells, [], shown);
            }
            finally
            {
                _bindingPresence = false;
            }
        }
    }
}
