using System;
using Microsoft.CodeAnalysis.Text;

namespace CaseCompliance.Analyzers.RulesFile
{
    /// <summary>
    /// A documentation comment ID as the rules file writes it, possibly with wildcards: <c>T:</c>, <c>M:</c>, <c>P:</c>,
    /// <c>F:</c>, <c>E:</c>, <c>N:</c> as the C# compiler writes them, plus <c>A:</c> for an assembly by name.
    /// <list type="bullet">
    /// <item><c>*</c> stands for any run of characters, and only in the last part (the member's name with its parameter
    /// list, or the type's or namespace's own name): the part before it names one type or namespace exactly, so every
    /// pattern is looked up by its container and never by a walk over all symbols.</item>
    /// <item>A method ID without a parameter list and without <c>*</c> matches every overload of the method (the
    /// compiler's ID of a parameterless method has no list either, so it is among them).</item>
    /// <item><c>#name</c> after a parameter list or a <c>*</c> names a parameter of the method:
    /// <c>M:Legacy.Search.PersonFinder.Find(System.String)#pnr</c>.</item>
    /// </list>
    /// </summary>
    internal sealed class DocIdPattern
    {
        private DocIdPattern(string text, TextSpan span, char kind, string container, string last, string? parameter)
        {
            Text = text;
            Span = span;
            Kind = kind;
            Container = container;
            Last = last;
            Parameter = parameter;
            HasWildcard = last.IndexOf('*') >= 0;
            AnyOverload = kind == 'M' && !HasWildcard && last.IndexOf('(') < 0;
        }

        /// <summary>The ID as written.</summary>
        public string Text { get; }

        public TextSpan Span { get; }

        /// <summary><c>T</c>, <c>M</c>, <c>P</c>, <c>F</c>, <c>E</c>, <c>N</c> or <c>A</c>.</summary>
        public char Kind { get; }

        /// <summary>The containing namespace or type, as in its own ID without the prefix; empty for the global namespace.</summary>
        public string Container { get; }

        /// <summary>The last part: the name, with a method's parameter list.</summary>
        public string Last { get; }

        /// <summary>The parameter a <c>#name</c> suffix names, or null.</summary>
        public string? Parameter { get; }

        public bool HasWildcard { get; }

        /// <summary>A method ID without a parameter list: every overload.</summary>
        public bool AnyOverload { get; }

        /// <summary>The key the index files the pattern under: kind and container.</summary>
        public string ContainerKey => Kind + ":" + Container;

        /// <summary>The last segment of the container (its simple name), for a cheap first filter.</summary>
        public string ContainerName => LastSegment(Container);

        /// <summary>Reads an ID; null with <paramref name="error"/> set when it is not one.</summary>
        public static DocIdPattern? Parse(string text, TextSpan span, out string? error)
        {
            error = null;
            if (text.Length < 3 || text[1] != ':' || "TMPFENA".IndexOf(text[0]) < 0)
            {
                error = $"'{text}' is not a documentation comment ID: it must start with T:, M:, P:, F:, E:, N: (or A: for an assembly) and a name";
                return null;
            }

            var kind = text[0];
            var body = text.Substring(2);
            string? parameter = null;
            var hash = body.LastIndexOf('#');
            if (kind == 'M' && hash > 0 && (body[hash - 1] == ')' || body[hash - 1] == '*'))
            {
                parameter = body.Substring(hash + 1);
                body = body.Substring(0, hash);
                if (parameter.Length == 0 || !IsIdentifier(parameter))
                {
                    error = $"'{text}' names no parameter after '#': write the parameter's name, as in M:Ns.Type.Find(System.String)#pnr";
                    return null;
                }
            }

            if (body.Length == 0 || body.IndexOf(' ') >= 0)
            {
                error = $"'{text}' is not a documentation comment ID: the name after '{kind}:' is missing or has spaces";
                return null;
            }

            if (kind == 'A')
            {
                return new DocIdPattern(text, span, kind, string.Empty, body, null);
            }

            Split(body, out var container, out var last);
            if (container.IndexOf('*') >= 0)
            {
                error = $"'{text}' has a wildcard before its last part; '*' may only stand in the member's or type's own name, after an exact namespace or type";
                return null;
            }

            if (last.Length == 0 || container.EndsWith(".", StringComparison.Ordinal))
            {
                error = $"'{text}' is not a documentation comment ID: a part of the name is empty";
                return null;
            }

            return new DocIdPattern(text, span, kind, container, last, parameter);
        }

        /// <summary>Whether a symbol's documentation comment ID (as Roslyn writes it) matches.</summary>
        public bool Matches(string documentationId)
        {
            if (documentationId.Length < 3 || documentationId[0] != Kind || documentationId[1] != ':')
            {
                return false;
            }

            if (Kind == 'A')
            {
                return Glob(Last, documentationId.Substring(2));
            }

            Split(documentationId.Substring(2), out var container, out var last);
            return string.Equals(container, Container, StringComparison.Ordinal) && MatchesLast(last);
        }

        /// <summary>Whether the last part of a symbol's ID (its name and parameter list) matches.</summary>
        public bool MatchesLast(string last)
        {
            if (AnyOverload)
            {
                var open = last.IndexOf('(');
                var name = open < 0 ? last : last.Substring(0, open);
                var arity = name.IndexOf("``", StringComparison.Ordinal);
                return string.Equals(name, Last, StringComparison.Ordinal)
                    || arity > 0 && Last.IndexOf("``", StringComparison.Ordinal) < 0 && string.Equals(name.Substring(0, arity), Last, StringComparison.Ordinal);
            }

            return HasWildcard ? Glob(Last, last) : string.Equals(Last, last, StringComparison.Ordinal);
        }

        /// <summary>Splits an ID body at the last '.' outside a parameter list: container and last part.</summary>
        internal static void Split(string body, out string container, out string last)
        {
            var depth = 0;
            var split = -1;
            for (var i = 0; i < body.Length; i++)
            {
                switch (body[i])
                {
                    case '(':
                    case '{':
                    case '[':
                        depth++;
                        break;
                    case ')':
                    case '}':
                    case ']':
                        depth--;
                        break;
                    case '.' when depth == 0:
                        split = i;
                        break;
                }

                if (body[i] == '(' && depth == 1)
                {
                    break; // the parameter list starts: the name is complete
                }
            }

            container = split < 0 ? string.Empty : body.Substring(0, split);
            last = split < 0 ? body : body.Substring(split + 1);
        }

        internal static string LastSegment(string name)
        {
            var dot = name.LastIndexOf('.');
            return dot < 0 ? name : name.Substring(dot + 1);
        }

        /// <summary><c>*</c> matches any run of characters (also none); everything else matches itself.</summary>
        internal static bool Glob(string pattern, string text) => Glob(pattern, text, StringComparison.Ordinal);

        internal static bool Glob(string pattern, string text, StringComparison comparison)
        {
            // Iterative matching with one backtrack point per '*': linear for the patterns people write.
            int p = 0, t = 0, star = -1, mark = 0;
            while (t < text.Length)
            {
                if (p < pattern.Length && pattern[p] == '*')
                {
                    star = p++;
                    mark = t;
                }
                else if (p < pattern.Length && string.Compare(pattern, p, text, t, 1, comparison) == 0)
                {
                    p++;
                    t++;
                }
                else if (star >= 0)
                {
                    p = star + 1;
                    t = ++mark;
                }
                else
                {
                    return false;
                }
            }

            while (p < pattern.Length && pattern[p] == '*')
            {
                p++;
            }

            return p == pattern.Length;
        }

        private static bool IsIdentifier(string name)
        {
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (!(char.IsLetterOrDigit(c) || c == '_' || c == '@'))
                {
                    return false;
                }
            }

            return !char.IsDigit(name[0]);
        }
    }
}
