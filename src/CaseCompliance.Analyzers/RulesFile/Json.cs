using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace CaseCompliance.Analyzers.RulesFile
{
    internal enum JsonKind
    {
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,
    }

    /// <summary>
    /// One JSON value with the span it occupies in the text, so that rules-file errors found after parsing
    /// (a wrong kind, an unknown name) can still point at the exact token.
    /// </summary>
    internal sealed class JsonNode
    {
        private JsonNode(
            JsonKind kind,
            TextSpan span,
            string? stringValue = null,
            string? numberText = null,
            double number = 0,
            bool isInteger = false,
            ImmutableArray<JsonProperty> properties = default,
            ImmutableArray<JsonNode> items = default)
        {
            Kind = kind;
            Span = span;
            String = stringValue;
            NumberText = numberText;
            Number = number;
            IsInteger = isInteger;
            Properties = properties.IsDefault ? ImmutableArray<JsonProperty>.Empty : properties;
            Items = items.IsDefault ? ImmutableArray<JsonNode>.Empty : items;
        }

        public JsonKind Kind { get; }

        /// <summary>The whole value: brackets included for objects and arrays, quotes included for strings.</summary>
        public TextSpan Span { get; }

        /// <summary>The decoded value when <see cref="Kind"/> is <see cref="JsonKind.String"/>; otherwise null.</summary>
        public string? String { get; }

        /// <summary>The number exactly as written when <see cref="Kind"/> is <see cref="JsonKind.Number"/>; otherwise null.</summary>
        public string? NumberText { get; }

        /// <summary>
        /// The number parsed with the invariant culture. A number too large for a double is an infinity
        /// (as .NET Core parses it; .NET Framework would throw), because the grammar allows it and reading must not fail.
        /// </summary>
        public double Number { get; }

        /// <summary>In source order, with duplicate names kept, so that a later check can report the duplicate.</summary>
        public ImmutableArray<JsonProperty> Properties { get; }

        public ImmutableArray<JsonNode> Items { get; }

        /// <summary>A number written without fraction or exponent whose value fits in a <see cref="long"/>.</summary>
        public bool IsInteger { get; }

        /// <summary>The first property with this name (ordinal), or null; also null when this is not an object.</summary>
        public JsonNode? this[string name]
        {
            get
            {
                foreach (var property in Properties)
                {
                    if (string.Equals(property.Name, name, StringComparison.Ordinal))
                    {
                        return property.Value;
                    }
                }

                return null;
            }
        }

        /// <summary>The kind as messages name it; both literals are "boolean" because that is what a rule expects.</summary>
        public string KindName => Kind switch
        {
            JsonKind.Object => "object",
            JsonKind.Array => "array",
            JsonKind.String => "string",
            JsonKind.Number => "number",
            JsonKind.True or JsonKind.False => "boolean",
            _ => "null",
        };

        internal static JsonNode CreateObject(TextSpan span, ImmutableArray<JsonProperty> properties) =>
            new JsonNode(JsonKind.Object, span, properties: properties);

        internal static JsonNode CreateArray(TextSpan span, ImmutableArray<JsonNode> items) =>
            new JsonNode(JsonKind.Array, span, items: items);

        internal static JsonNode CreateString(TextSpan span, string value) =>
            new JsonNode(JsonKind.String, span, stringValue: value);

        internal static JsonNode CreateNumber(TextSpan span, string text, double value, bool isInteger) =>
            new JsonNode(JsonKind.Number, span, numberText: text, number: value, isInteger: isInteger);

        internal static JsonNode CreateLiteral(JsonKind kind, TextSpan span) => new JsonNode(kind, span);
    }

    internal sealed class JsonProperty
    {
        internal JsonProperty(string name, TextSpan nameSpan, JsonNode value)
        {
            Name = name;
            NameSpan = nameSpan;
            Value = value;
        }

        /// <summary>The decoded name.</summary>
        public string Name { get; }

        /// <summary>The name's string literal, quotes included.</summary>
        public TextSpan NameSpan { get; }

        public JsonNode Value { get; }
    }

    internal readonly struct JsonError
    {
        private readonly string? message;

        internal JsonError(string message, TextSpan span)
        {
            this.message = message;
            Span = span;
        }

        /// <summary>A sentence fragment naming what was expected and what was found, without a final period.</summary>
        public string Message => message ?? string.Empty;

        /// <summary>The offending token; a zero-length span at the end of the text when the text ends too early.</summary>
        public TextSpan Span { get; }

        public override string ToString() => Span + ": " + Message;
    }

    /// <summary>
    /// A dependency-free reader for the rules file: JSON libraries fail to load in some Visual Studio hosts, so the
    /// analyzer cannot take one as a runtime dependency. RFC 8259 plus what stylecop.json users expect: <c>//</c> and
    /// <c>/* */</c> comments, one trailing comma per object or array, and a leading byte-order mark. Reading never throws
    /// except on cancellation; the first syntax error stops it.
    /// </summary>
    internal sealed class JsonDocument
    {
        /// <summary>How many objects and arrays may nest. The reader keeps its own stack, so this guards memory and sanity, not the call stack.</summary>
        public const int MaxDepth = 64;

        private JsonDocument(JsonNode? root, JsonError? error)
        {
            Root = root;
            Error = error;
        }

        /// <summary>Null when <see cref="Error"/> is set.</summary>
        public JsonNode? Root { get; }

        /// <summary>The first syntax error; null when <see cref="Root"/> is set.</summary>
        public JsonError? Error { get; }

        /// <summary>Spans are offsets into <c>text.ToString()</c>.</summary>
        public static JsonDocument Parse(SourceText text, CancellationToken cancellationToken = default)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            // One string, not SourceText's indexer per character: that indexer is a virtual call and, for large texts, a chunk lookup.
            return Parse(text.ToString(), cancellationToken);
        }

        /// <summary>Spans are offsets into <paramref name="text"/>.</summary>
        public static JsonDocument Parse(string text, CancellationToken cancellationToken = default)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            return new Parser(text, cancellationToken).Run();
        }

        /// <summary>
        /// An iterative reader: open objects and arrays live in <see cref="frames"/>, not on the call stack, so no input
        /// can overflow the stack, and their finished children wait in two shared buffers until the closing bracket.
        /// </summary>
        private sealed class Parser
        {
            private const int CancellationInterval = 4096;

            private const int MaxQuotedLength = 60;

            /// <summary>What ends a line comment, and the Unicode line breaks a line comment may not contain.</summary>
            private static readonly char[] LineCommentStops = { '\n', '\r', '\u0085', '\u2028', '\u2029' };

            private readonly string text;
            private readonly CancellationToken cancellationToken;
            private readonly Frame[] frames = new Frame[MaxDepth];
            private Pending<JsonProperty> pendingProperties;
            private Pending<JsonNode> pendingItems;
            private int depth;
            private int pos;
            private int nextCancellationCheck;
            private StringBuilder? builder;
            private JsonError? error;

            public Parser(string text, CancellationToken cancellationToken)
            {
                this.text = text;
                this.cancellationToken = cancellationToken;
            }

            public JsonDocument Run()
            {
                // The mark is skipped, not removed, so that every span still counts it.
                if (text.Length > 0 && text[0] == '\uFEFF')
                {
                    pos = 1;
                }

                if (!SkipTrivia())
                {
                    return Failed();
                }

                if (pos == text.Length)
                {
                    var message = pos == 0 || (pos == 1 && text[0] == '\uFEFF')
                        ? "the file is empty"
                        : "the file is empty: it has only whitespace or comments, and no value";
                    return Failed(message, new TextSpan(text.Length, 0));
                }

                var root = ReadValue();
                if (root is null || !SkipTrivia())
                {
                    return Failed();
                }

                if (pos < text.Length)
                {
                    var (found, span) = Describe(pos);
                    return Failed("expected the end of the file after the top-level value, found " + found, span);
                }

                return new JsonDocument(root, null);
            }

            private JsonDocument Failed() => new JsonDocument(null, error);

            private JsonDocument Failed(string message, TextSpan span)
            {
                Fail(message, span);
                return Failed();
            }

            private void Fail(string message, TextSpan span)
            {
                // Keep the first: it is the one at the real cause.
                error ??= new JsonError(message, span);
            }

            private void PollCancellation(int position)
            {
                if (position >= nextCancellationCheck)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    nextCancellationCheck = position + CancellationInterval;
                }
            }

            /// <summary>Reads one value and everything nested in it. Trivia before it is already skipped.</summary>
            private JsonNode? ReadValue()
            {
                while (true)
                {
                    // Here a value must start at pos.
                    PollCancellation(pos);
                    JsonNode? value;
                    if (pos < text.Length && (text[pos] == '{' || text[pos] == '['))
                    {
                        var isObject = text[pos] == '{';
                        if (depth == MaxDepth)
                        {
                            Fail(
                                "too deeply nested: this " + (isObject ? "object" : "array") + " would be nesting level " + (MaxDepth + 1).ToString(CultureInfo.InvariantCulture)
                                    + ", but objects and arrays may nest at most " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels deep",
                                new TextSpan(pos, 1));
                            return null;
                        }

                        frames[depth++] = new Frame(isObject, pos);
                        pos++;
                        if (!SkipTrivia())
                        {
                            return null;
                        }

                        if (pos < text.Length && text[pos] == (isObject ? '}' : ']'))
                        {
                            pos++;
                            value = Close();
                        }
                        else if (isObject)
                        {
                            if (!ReadPropertyName(afterComma: false))
                            {
                                return null;
                            }

                            continue;
                        }
                        else
                        {
                            continue;
                        }
                    }
                    else
                    {
                        value = ReadScalar();
                        if (value is null)
                        {
                            return null;
                        }
                    }

                    // A value is complete: give it to its container, and close every container that ends right after it.
                    while (true)
                    {
                        if (depth == 0)
                        {
                            return value;
                        }

                        ref var frame = ref frames[depth - 1];
                        if (frame.IsObject)
                        {
                            pendingProperties.Add(new JsonProperty(frame.Name!, frame.NameSpan, value));
                        }
                        else
                        {
                            pendingItems.Add(value);
                        }

                        frame.Count++;
                        if (!SkipTrivia())
                        {
                            return null;
                        }

                        var close = frame.IsObject ? '}' : ']';
                        if (pos < text.Length && text[pos] == ',')
                        {
                            pos++;
                            if (!SkipTrivia())
                            {
                                return null;
                            }

                            if (pos < text.Length && text[pos] == close)
                            {
                                // The one trailing comma allowed; a second would have failed as a missing value or name.
                                pos++;
                                value = Close();
                                continue;
                            }

                            if (frame.IsObject && !ReadPropertyName(afterComma: true))
                            {
                                return null;
                            }

                            break;
                        }

                        if (pos < text.Length && text[pos] == close)
                        {
                            pos++;
                            value = Close();
                            continue;
                        }

                        var expected = frame.IsObject
                            ? "expected ',' or '}' after the property " + Quote(frame.Name!)
                            : "expected ',' or ']' after item " + frame.Count.ToString(CultureInfo.InvariantCulture) + " of the array";
                        FailExpected(expected);
                        return null;
                    }
                }
            }

            /// <summary>Pops the innermost container, whose closing bracket was just consumed.</summary>
            private JsonNode Close()
            {
                var frame = frames[--depth];
                frames[depth] = default;
                var span = TextSpan.FromBounds(frame.Open, pos);
                return frame.IsObject
                    ? JsonNode.CreateObject(span, pendingProperties.Pop(frame.Count))
                    : JsonNode.CreateArray(span, pendingItems.Pop(frame.Count));
            }

            /// <summary>Reads <c>"name" :</c> and the trivia after it into the innermost frame.</summary>
            private bool ReadPropertyName(bool afterComma)
            {
                if (pos >= text.Length || text[pos] != '"')
                {
                    FailExpected(afterComma
                        ? "expected a property name in double quotes or '}' after ','"
                        : "expected a property name in double quotes or '}'");
                    return false;
                }

                var start = pos;
                if (!ReadString(out var name))
                {
                    return false;
                }

                ref var frame = ref frames[depth - 1];
                frame.Name = name;
                frame.NameSpan = TextSpan.FromBounds(start, pos);
                if (!SkipTrivia())
                {
                    return false;
                }

                if (pos >= text.Length || text[pos] != ':')
                {
                    FailExpected("expected ':' after the property name " + Quote(name));
                    return false;
                }

                pos++;
                return SkipTrivia();
            }

            private JsonNode? ReadScalar()
            {
                var start = pos;
                var c = pos < text.Length ? text[pos] : '\0';
                switch (c)
                {
                    case '"':
                        return ReadString(out var value) ? JsonNode.CreateString(TextSpan.FromBounds(start, pos), value) : null;
                    case 't':
                        return ReadLiteral("true", JsonKind.True);
                    case 'f':
                        return ReadLiteral("false", JsonKind.False);
                    case 'n':
                        return ReadLiteral("null", JsonKind.Null);
                    case '-':
                    case >= '0' and <= '9':
                        return ReadNumber();
                    default:
                        FailExpectedValue();
                        return null;
                }
            }

            private JsonNode? ReadLiteral(string literal, JsonKind kind)
            {
                var end = pos + literal.Length;
                if (end <= text.Length
                    && string.CompareOrdinal(text, pos, literal, 0, literal.Length) == 0
                    && (end == text.Length || !IsWordChar(text[end])))
                {
                    var node = JsonNode.CreateLiteral(kind, new TextSpan(pos, literal.Length));
                    pos = end;
                    return node;
                }

                // "tru", "nul", "trueish": Describe shows the whole word.
                FailExpectedValue();
                return null;
            }

            private void FailExpectedValue()
            {
                string expected;
                if (depth == 0)
                {
                    expected = "expected a value";
                }
                else
                {
                    var frame = frames[depth - 1];
                    expected = frame.IsObject
                        ? "expected a value for the property " + Quote(frame.Name!)
                        : frame.Count == 0 ? "expected a value or ']'" : "expected a value or ']' after ','";
                }

                FailExpected(expected);
            }

            /// <summary>Reports "<paramref name="expected"/>, found X" at X; at the end of the text, it says which open container is not closed.</summary>
            private void FailExpected(string expected)
            {
                if (pos < text.Length)
                {
                    var (found, span) = Describe(pos);
                    Fail(expected + ", found " + found, span);
                }
                else
                {
                    FailAtEnd(expected);
                }
            }

            private void FailAtEnd(string expected)
            {
                var message = "unexpected end of file";
                if (depth > 0)
                {
                    var frame = frames[depth - 1];
                    var (line, column) = LineAndColumn(frame.Open);
                    message += ": the " + (frame.IsObject ? "object" : "array") + " that starts at line " + line.ToString(CultureInfo.InvariantCulture)
                        + ", column " + column.ToString(CultureInfo.InvariantCulture) + " is not closed";
                }

                Fail(message + " (" + expected + ")", new TextSpan(text.Length, 0));
            }

            /// <summary>Skips whitespace and comments. False, with the error set, for a broken comment.</summary>
            private bool SkipTrivia()
            {
                var t = text;
                var p = pos;
                while (p < t.Length)
                {
                    PollCancellation(p);
                    var c = t[p];
                    if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                    {
                        p++;
                        continue;
                    }

                    if (c != '/')
                    {
                        break;
                    }

                    if (p + 1 < t.Length && t[p + 1] == '/')
                    {
                        var lineEnd = t.IndexOfAny(LineCommentStops, p + 2);
                        if (lineEnd >= 0 && t[lineEnd] != '\n' && t[lineEnd] != '\r')
                        {
                            // Editors (and SourceText.Lines) break the line here, so the text after it would look like JSON
                            // but be comment. System.Text.Json rejects U+2028 and U+2029 here for the same reason.
                            pos = lineEnd;
                            Fail(
                                "a line comment cannot contain " + CodePoint(t[lineEnd]) + ": editors show a line break there, but a '//' comment ends only at a line feed or carriage return",
                                new TextSpan(lineEnd, 1));
                            return false;
                        }

                        p = lineEnd < 0 ? t.Length : lineEnd;
                    }
                    else if (p + 1 < t.Length && t[p + 1] == '*')
                    {
                        var commentEnd = t.IndexOf("*/", p + 2, StringComparison.Ordinal);
                        if (commentEnd < 0)
                        {
                            // At the opening, not at the end of the file: that is where the user must look.
                            pos = p;
                            Fail("unterminated block comment: the file ends before the closing '*/'", new TextSpan(p, 2));
                            return false;
                        }

                        p = commentEnd + 2;
                    }
                    else
                    {
                        pos = p + 1;
                        FailExpected("expected '/' or '*' after '/' to start a comment");
                        return false;
                    }
                }

                pos = p;
                return true;
            }

            /// <summary>Reads a string literal at pos (which is a quote) and leaves pos after its closing quote.</summary>
            private bool ReadString(out string value)
            {
                var t = text;
                var start = pos;
                var p = start + 1;
                var runStart = p;
                StringBuilder? decoded = null;
                while (true)
                {
                    PollCancellation(p);
                    if (p >= t.Length)
                    {
                        return FailString("unterminated string: the file ends before the closing '\"'", TextSpan.FromBounds(start, t.Length), out value);
                    }

                    var c = t[p];
                    if (c == '"')
                    {
                        break;
                    }

                    if (c == '\\')
                    {
                        decoded ??= RentBuilder();
                        decoded.Append(t, runStart, p - runStart);
                        if (p + 1 >= t.Length)
                        {
                            return FailString("unterminated string: the file ends before the closing '\"'", TextSpan.FromBounds(start, t.Length), out value);
                        }

                        var escaped = t[p + 1];
                        switch (escaped)
                        {
                            case '"':
                            case '\\':
                            case '/':
                                decoded.Append(escaped);
                                break;
                            case 'b':
                                decoded.Append('\b');
                                break;
                            case 'f':
                                decoded.Append('\f');
                                break;
                            case 'n':
                                decoded.Append('\n');
                                break;
                            case 'r':
                                decoded.Append('\r');
                                break;
                            case 't':
                                decoded.Append('\t');
                                break;
                            case 'u':
                                var code = 0;
                                for (var i = p + 2; i < p + 6; i++)
                                {
                                    var digit = i < t.Length ? HexValue(t[i]) : -1;
                                    if (digit < 0)
                                    {
                                        if (i >= t.Length)
                                        {
                                            return FailString("unterminated string: the file ends before the closing '\"'", TextSpan.FromBounds(start, t.Length), out value);
                                        }

                                        var (found, foundSpan) = DescribeChar(i);
                                        var spanEnd = IsLineBreak(t[i]) ? i : foundSpan.End;
                                        return FailString(
                                            "invalid escape '" + Shorten(t.Substring(p, i - p)) + "': expected 4 hexadecimal digits after '\\u', found " + found,
                                            TextSpan.FromBounds(p, spanEnd),
                                            out value);
                                    }

                                    code = (code << 4) | digit;
                                }

                                // UTF-16 code units appended in order decode a surrogate pair; a lone surrogate stays as written.
                                decoded.Append((char)code);
                                p += 4;
                                break;
                            default:
                                // A single quote needs no escape in JSON, but DescribeChar would say something about quoting strings.
                                var (what, whatSpan) = escaped == '\'' ? ("a single quote (which needs no escape)", new TextSpan(p + 1, 1)) : DescribeChar(p + 1);
                                return FailString(
                                    "invalid escape in a string: expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX after '\\', found " + what,
                                    TextSpan.FromBounds(p, IsLineBreak(escaped) ? p + 1 : whatSpan.End),
                                    out value);
                        }

                        p += 2;
                        runStart = p;
                        continue;
                    }

                    if (c < '\u0020')
                    {
                        if (IsLineBreak(c))
                        {
                            return FailString(
                                "unterminated string: the line ends before the closing '\"' (a line break inside a string is written \\n)",
                                TextSpan.FromBounds(start, p),
                                out value);
                        }

                        var escape = c switch
                        {
                            '\t' => "\\t",
                            '\b' => "\\b",
                            '\f' => "\\f",
                            _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                        };
                        return FailString(
                            "a string cannot contain the control character " + CodePoint(c) + " as it is; write it as " + escape,
                            new TextSpan(p, 1),
                            out value);
                    }

                    p++;
                }

                value = decoded is null ? t.Substring(start + 1, p - start - 1) : decoded.Append(t, runStart, p - runStart).ToString();
                pos = p + 1;
                return true;
            }

            private bool FailString(string message, TextSpan span, out string value)
            {
                Fail(message, span);
                value = string.Empty;
                return false;
            }

            private StringBuilder RentBuilder()
            {
                // One builder for the whole document: most strings have no escapes and never touch it.
                builder ??= new StringBuilder();
                builder.Clear();
                return builder;
            }

            /// <summary>
            /// RFC 8259 numbers only. A number that runs on into letters, digits or signs ("01", "1.5.2", "0x1F", "1e")
            /// is reported as one invalid token, which reads better than an error about the character after a valid prefix.
            /// </summary>
            private JsonNode? ReadNumber()
            {
                var t = text;
                var start = pos;
                var p = start;
                if (t[p] == '-')
                {
                    p++;
                }

                // What the grammar wanted where it stopped; "found …" is added below.
                string? expected = null;
                if (p >= t.Length || !IsDigit(t[p]))
                {
                    expected = "expected a digit after '-'";
                }
                else if (t[p] == '0')
                {
                    p++;
                    if (p < t.Length && IsDigit(t[p]))
                    {
                        return FailNumber(start, p, "leading zeros are not allowed");
                    }
                }
                else
                {
                    p = SkipDigits(p);
                }

                var isInteger = true;
                if (expected is null && p < t.Length && t[p] == '.')
                {
                    isInteger = false;
                    p++;
                    if (p >= t.Length || !IsDigit(t[p]))
                    {
                        expected = "expected a digit after '.'";
                    }
                    else
                    {
                        p = SkipDigits(p);
                    }
                }

                if (expected is null && p < t.Length && (t[p] == 'e' || t[p] == 'E'))
                {
                    isInteger = false;
                    p++;
                    if (p < t.Length && (t[p] == '+' || t[p] == '-'))
                    {
                        p++;
                    }

                    if (p >= t.Length || !IsDigit(t[p]))
                    {
                        expected = "expected a digit in the exponent";
                    }
                    else
                    {
                        p = SkipDigits(p);
                    }
                }

                if (expected is not null)
                {
                    return FailNumber(start, p, expected + ", found " + (p < t.Length ? DescribeChar(p).Text : "end of file"));
                }

                if (p < t.Length && IsWordChar(t[p]))
                {
                    // A valid number that runs on: "0x1F", "1.5.2", "1true".
                    return FailNumber(start, p, "unexpected " + DescribeChar(p).Text + " after '" + Shorten(t.Substring(start, p - start)) + "'");
                }

                var numberText = t.Substring(start, p - start);
                if (!double.TryParse(numberText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number))
                {
                    // Only overflow fails here, and only on .NET Framework; .NET Core returns the infinity itself.
                    number = numberText[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
                }

                isInteger = isInteger && long.TryParse(numberText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
                pos = p;
                return JsonNode.CreateNumber(TextSpan.FromBounds(start, p), numberText, number, isInteger);
            }

            /// <summary>Reports the whole run of number-like characters from <paramref name="start"/>, so the message shows the token as the user wrote it.</summary>
            private JsonNode? FailNumber(int start, int stop, string reason)
            {
                var end = stop;
                while (end < text.Length && IsWordChar(text[end]))
                {
                    end++;
                }

                end = Math.Max(end, start + 1);
                Fail("invalid number '" + Shorten(text.Substring(start, end - start)) + "': " + reason, TextSpan.FromBounds(start, end));
                return null;
            }

            private int SkipDigits(int p)
            {
                while (p < text.Length && IsDigit(text[p]))
                {
                    p++;
                }

                return p;
            }

            /// <summary>What stands at <paramref name="position"/>, for "found …": a whole word, a whole string literal, or one character.</summary>
            private (string Text, TextSpan Span) Describe(int position)
            {
                if (position >= text.Length)
                {
                    return ("end of file", new TextSpan(text.Length, 0));
                }

                var c = text[position];
                if (IsWordChar(c))
                {
                    var end = position + 1;
                    while (end < text.Length && IsWordChar(text[end]))
                    {
                        end++;
                    }

                    return ("'" + Shorten(text.Substring(position, end - position)) + "'", TextSpan.FromBounds(position, end));
                }

                if (c == '"')
                {
                    // A string where punctuation was expected; show it whole when it ends on its line.
                    var end = position + 1;
                    while (end < text.Length && text[end] != '"' && !IsLineBreak(text[end]))
                    {
                        end += text[end] == '\\' && end + 1 < text.Length && !IsLineBreak(text[end + 1]) ? 2 : 1;
                    }

                    if (end < text.Length && text[end] == '"')
                    {
                        return ("the string " + Shorten(text.Substring(position, end + 1 - position)), TextSpan.FromBounds(position, end + 1));
                    }
                }

                return DescribeChar(position);
            }

            private (string Text, TextSpan Span) DescribeChar(int position)
            {
                var c = text[position];
                switch (c)
                {
                    case ' ':
                        return ("a space", new TextSpan(position, 1));
                    case '\t':
                        return ("a tab", new TextSpan(position, 1));
                    case '\n':
                    case '\r':
                        return ("a line break", new TextSpan(position, 1));
                    case '\'':
                        return ("a single quote (JSON strings use double quotes)", new TextSpan(position, 1));
                }

                if (char.IsHighSurrogate(c) && position + 1 < text.Length && char.IsLowSurrogate(text[position + 1]))
                {
                    return ("'" + text.Substring(position, 2) + "'", new TextSpan(position, 2));
                }

                switch (char.GetUnicodeCategory(c))
                {
                    case UnicodeCategory.Control:
                    case UnicodeCategory.Format:
                    case UnicodeCategory.Surrogate:
                    case UnicodeCategory.PrivateUse:
                    case UnicodeCategory.OtherNotAssigned:
                    case UnicodeCategory.SpaceSeparator:
                    case UnicodeCategory.LineSeparator:
                    case UnicodeCategory.ParagraphSeparator:
                        // Invisible or unprintable: a code point is the only thing a reader can act on.
                        return (CodePoint(c), new TextSpan(position, 1));
                    default:
                        return ("'" + c + "'", new TextSpan(position, 1));
                }
            }

            /// <summary>One-based, with line breaks as <see cref="SourceText.Lines"/> counts them, so a message matches the reported location.</summary>
            private (int Line, int Column) LineAndColumn(int position)
            {
                var line = 1;
                var lineStart = 0;
                for (var i = 0; i < position; i++)
                {
                    var c = text[i];
                    if (c == '\r' && i + 1 < position && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029')
                    {
                        line++;
                        lineStart = i + 1;
                    }
                }

                return (line, position - lineStart + 1);
            }

            /// <summary>A property name for a message: decoded, as <see cref="Shorten"/> makes it printable.</summary>
            private static string Quote(string name) => "\"" + Shorten(name) + "\"";

            /// <summary>
            /// Text for a message, kept to one readable line of valid UTF-16: control characters and lone surrogates become
            /// <c>\uXXXX</c>, and a long value is cut (never inside a surrogate pair) with an ellipsis.
            /// </summary>
            private static string Shorten(string value)
            {
                StringBuilder? result = null;
                var i = 0;
                for (; i < value.Length && i < MaxQuotedLength; i++)
                {
                    var c = value[i];
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        if (i + 1 >= MaxQuotedLength)
                        {
                            // The pair would straddle the cut.
                            break;
                        }

                        result?.Append(c).Append(value[i + 1]);
                        i++;
                    }
                    else if (c < '\u0020' || char.IsSurrogate(c))
                    {
                        result ??= new StringBuilder().Append(value, 0, i);
                        result.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        result?.Append(c);
                    }
                }

                if (i < value.Length)
                {
                    return (result?.ToString() ?? value.Substring(0, i)) + "…";
                }

                return result?.ToString() ?? value;
            }

            private static string CodePoint(char c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

            private static bool IsDigit(char c) => c >= '0' && c <= '9';

            private static bool IsLineBreak(char c) => c == '\n' || c == '\r';

            /// <summary>Characters that glue to a number or a bare word, so that errors show "NaN", "0x1F" or "id" whole.</summary>
            private static bool IsWordChar(char c) =>
                (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c) || c == '_' || c == '$' || c == '.' || c == '+' || c == '-'
                || (c > '\u007F' && char.IsLetterOrDigit(c));

            private static int HexValue(char c) => c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => -1,
            };

            /// <summary>
            /// The finished children of every open container, innermost last. A list of our own, not a
            /// <see cref="List{T}"/>, so that closing a container copies its children once, straight into the immutable array.
            /// </summary>
            private struct Pending<T>
                where T : class
            {
                private T[]? items;
                private int count;

                public void Add(T item)
                {
                    if (items is null)
                    {
                        items = new T[16];
                    }
                    else if (count == items.Length)
                    {
                        Array.Resize(ref items, count * 2);
                    }

                    items[count++] = item;
                }

                /// <summary>Removes the last <paramref name="n"/> items and returns them in order.</summary>
                public ImmutableArray<T> Pop(int n)
                {
                    if (n == 0 || items is null)
                    {
                        return ImmutableArray<T>.Empty;
                    }

                    count -= n;
                    var result = ImmutableArray.Create(items, count, n);

                    // Let the finished tree own its nodes; the buffer should not keep them alive.
                    Array.Clear(items, count, n);
                    return result;
                }
            }

            private struct Frame
            {
                public Frame(bool isObject, int open)
                {
                    IsObject = isObject;
                    Open = open;
                    Count = 0;
                    Name = null;
                    NameSpan = default;
                }

                public bool IsObject;

                /// <summary>The position of the opening bracket.</summary>
                public int Open;

                /// <summary>Finished children, which are the last <see cref="Count"/> entries of the pending list.</summary>
                public int Count;

                /// <summary>The name of the property whose value is being read, or was read last.</summary>
                public string? Name;

                public TextSpan NameSpan;
            }
        }
    }
}
