using System.Collections;
using System.Collections.Immutable;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace ReportDsl.Rendering.Model;

/// <summary>
/// The one mapping from the view model to what templates see: read-only script objects and lists with snake_case names,
/// holding only strings, numbers, booleans and other such objects, so no .NET member is reachable from a template.
/// Nothing is copied: each object answers a member from the immutable view when the template asks for it, so a render
/// costs what the template reads, not the ~700 cells of the report. docs/templates.md lists every name.
/// </summary>
internal static class ScriptModel
{
    public static IScriptObject Create(ReportView report) => new Root(report);

    private static ListView<T> List<T>(ImmutableArray<T> items, Func<T, object?> map) => new(items, map);

    private static readonly Func<string, object?> Text = static s => s;
    private static readonly Func<int, object?> Number = static n => n;

    private sealed class Root(ReportView report) : ViewObject
    {
        private static readonly string[] Members = ["report", "annotate"];

        protected override string[] Names => Members;

        protected override object? Get(string member) => member switch
        {
            "report" => new Report(report),
            "annotate" => report.Annotate,
            _ => Missing,
        };
    }

    private sealed class Report(ReportView report) : ViewObject
    {
        private static readonly string[] Members = ["format", "title", "agency", "year", "date", "sections", "findings"];
        private static readonly Func<SectionView, object?> Section = static s => new SectionObject(s);
        private static readonly Func<FindingView, object?> Finding = static f => new FindingObject(f);

        protected override string[] Names => Members;

        protected override object? Get(string member) => member switch
        {
            "format" => new Format(report.Format),
            "title" => report.Title,
            "agency" => report.Agency,
            "year" => report.Year,
            "date" => report.Date,
            "sections" => List(report.Sections, Section),
            "findings" => List(report.Findings, Finding),
            _ => Missing,
        };
    }

    private sealed class Format(FormatView format) : ViewObject
    {
        private static readonly string[] Members = ["name", "version", "title", "document"];

        protected override string[] Names => Members;

        protected override object? Get(string member) => member switch
        {
            "name" => format.Name,
            "version" => format.Version,
            "title" => format.Title,
            "document" => format.Document,
            _ => Missing,
        };
    }

    private sealed class SectionObject(SectionView section) : ViewObject
    {
        private static readonly string[] Members = ["name", "label", "is_prose", "paragraphs", "tables"];
        private static readonly Func<TableView, object?> Table = static t => new TableObject(t);

        protected override string[] Names => Members;

        protected override object? Get(string member) => member switch
        {
            "name" => section.Name,
            "label" => section.Label,
            "is_prose" => section.IsProse,
            "paragraphs" => List(section.Paragraphs, Text),
            "tables" => List(section.Tables, Table),
            _ => Missing,
        };
    }

    private sealed class TableObject(TableView table) : ViewObject
    {
        private static readonly string[] Members = ["name", "label", "width", "stub_width", "header_row_count", "has_caption_row", "rows"];
        private static readonly Func<RowView, object?> Row = static r => new RowObject(r);

        protected override string[] Names => Members;

        protected override object? Get(string member) => member switch
        {
            "name" => table.Name,
            "label" => table.Label,
            "width" => table.Width,
            "stub_width" => table.StubWidth,
            "header_row_count" => table.HeaderRowCount,
            "has_caption_row" => table.HasCaptionRow,
            "rows" => List(table.Rows, Row),
            _ => Missing,
        };
    }

    private sealed class RowObject(RowView row) : ViewObject
    {
        private static readonly string[] Members = ["index", "is_header", "cells", "slots"];
        private static readonly Func<CellView, object?> Cell = static c => new CellObject(c);

        protected override string[] Names => Members;

        protected override object? Get(string member) => member switch
        {
            "index" => row.Index,
            "is_header" => row.IsHeader,
            "cells" => List(row.Cells, Cell),
            "slots" => List(row.Slots, Cell),
            _ => Missing,
        };
    }

    private sealed class CellObject(CellView cell) : ViewObject
    {
        private static readonly string[] Members =
            ["kind", "text", "row", "column", "row_span", "column_span", "is_continuation", "id", "value", "type", "unit", "row_labels", "column_labels", "findings"];

        protected override string[] Names => Members;

        protected override object? Get(string member) => member switch
        {
            "kind" => cell.Kind,
            "text" => cell.Text,
            "row" => cell.Row,
            "column" => cell.Column,
            "row_span" => cell.RowSpan,
            "column_span" => cell.ColumnSpan,
            "is_continuation" => cell.IsContinuation,
            "id" => cell.Id,
            "value" => cell.Value,
            "type" => cell.Type,
            "unit" => cell.Unit,
            "row_labels" => List(cell.RowLabels, Text),
            "column_labels" => List(cell.ColumnLabels, Text),
            "findings" => List(cell.Findings, Number),
            _ => Missing,
        };
    }

    private sealed class FindingObject(FindingView finding) : ViewObject
    {
        private static readonly string[] Members = ["number", "code", "severity", "message", "equation", "text", "cells"];

        protected override string[] Names => Members;

        protected override object? Get(string member) => member switch
        {
            "number" => finding.Number,
            "code" => finding.Code,
            "severity" => finding.Severity,
            "message" => finding.Message,
            "equation" => finding.Equation,
            "text" => finding.Text,
            "cells" => List(finding.Cells, Text),
            _ => Missing,
        };
    }

    /// <summary>A read-only script object whose members are answered from an immutable view.</summary>
    private abstract class ViewObject : IScriptObject
    {
        // Stands for "no such member" in the member switches (null is a member's value: a blank cell, no date).
        protected static readonly object Missing = new();

        public int Count => Names.Length;

        public bool IsReadOnly
        {
            get => true;
            set
            {
                // The view is immutable; Scriban asks to make objects read-only, never the reverse.
            }
        }

        protected abstract string[] Names { get; }

        /// <summary>Gets a member's value, or <see cref="Missing"/> when there is no such member.</summary>
        protected abstract object? Get(string member);

        public IEnumerable<string> GetMembers() => Names;

        public bool Contains(string member) => Array.IndexOf(Names, member) >= 0;

        public bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
        {
            value = Get(member);
            if (value == Missing)
            {
                value = null;
                return false;
            }

            return true;
        }

        public bool CanWrite(string member) => false;

        public bool TrySetValue(TemplateContext? context, SourceSpan span, string member, object? value, bool readOnly) => false;

        public bool Remove(string member) => false;

        public void SetReadOnly(string member, bool readOnly)
        {
            // Every member is read-only already.
        }

        public IScriptObject Clone(bool deep) => this;
    }

    /// <summary>A read-only list whose items become script objects when a template reaches them.</summary>
    private sealed class ListView<T>(ImmutableArray<T> items, Func<T, object?> map) : IList
    {
        public int Count => items.Length;

        public bool IsFixedSize => true;

        public bool IsReadOnly => true;

        public bool IsSynchronized => false;

        public object SyncRoot => this;

        public object? this[int index]
        {
            get => map(items[index]);
            set => throw new NotSupportedException("The report model is read-only.");
        }

        public IEnumerator GetEnumerator()
        {
            foreach (var item in items)
            {
                yield return map(item);
            }
        }

        public int Add(object? value) => throw new NotSupportedException("The report model is read-only.");

        public void Clear() => throw new NotSupportedException("The report model is read-only.");

        public bool Contains(object? value) => IndexOf(value) >= 0;

        public int IndexOf(object? value)
        {
            for (var i = 0; i < items.Length; i++)
            {
                if (Equals(map(items[i]), value))
                {
                    return i;
                }
            }

            return -1;
        }

        public void Insert(int index, object? value) => throw new NotSupportedException("The report model is read-only.");

        public void Remove(object? value) => throw new NotSupportedException("The report model is read-only.");

        public void RemoveAt(int index) => throw new NotSupportedException("The report model is read-only.");

        public void CopyTo(Array array, int index)
        {
            foreach (var item in items)
            {
                array.SetValue(map(item), index++);
            }
        }
    }
}
