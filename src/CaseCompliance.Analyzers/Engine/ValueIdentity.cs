using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>Whether two expressions provably denote the same value, provably different ones, or nobody can tell.</summary>
    internal enum Sameness
    {
        Unknown,
        Same,
        Different,
    }

    /// <summary>
    /// Compares values the way the rules that relate two people (CASE011, CASE020) need: the same local or parameter,
    /// the same member chain (<c>p.Case.Subject</c>) or a copy of either (a local assigned once) is the same value;
    /// two different locals or parameters, or a constant (<c>null</c>, <c>""</c>, a literal) against anything else,
    /// are different values. Anything else is unknown — rules stay silent on unknown.
    /// </summary>
    internal static class ValueIdentity
    {
        public static Sameness Compare(IOperation a, IOperation b)
        {
            // The same local read twice is the same value when nothing writes it again, whatever it was computed from
            // (`var specialist = onDuty[0]; Approve(p, specialist, specialist)`).
            if (Calls.Unwrap(a) is ILocalReferenceOperation la && Calls.Unwrap(b) is ILocalReferenceOperation lb
                && SymbolEqualityComparer.Default.Equals(la.Local, lb.Local) && TrySingleAssignment(la, out _))
            {
                return Sameness.Same;
            }

            return Compare(KeyOf(a, 0), KeyOf(b, 0));
        }

        /// <summary>
        /// Compares what two calls pass for a role: arguments, or members of arguments (<c>request.Personnummer</c>),
        /// a member of a fresh object being the value it was created with (<c>new Request(id, ...)</c>).
        /// </summary>
        public static Sameness Compare(RoleValue a, RoleValue b)
        {
            if (a.Member is null && b.Member is null)
            {
                return Compare(a.Value, b.Value);
            }

            return Compare(KeyOf(a), KeyOf(b));
        }

        private static Key KeyOf(RoleValue value) => value.Member is null ? KeyOf(value.Value, 0) : MemberKey(value.Value, value.Member, 0);

        private static Sameness Compare(Key x, Key y)
        {
            if (x.Kind == KeyKind.Unknown || y.Kind == KeyKind.Unknown)
            {
                return Sameness.Unknown;
            }

            if (x.Kind == KeyKind.Constant || y.Kind == KeyKind.Constant)
            {
                return x.Kind == y.Kind && Equals(x.Value, y.Value) ? Sameness.Same : Sameness.Different;
            }

            if (x.Kind == KeyKind.Variable && y.Kind == KeyKind.Variable)
            {
                return SymbolEqualityComparer.Default.Equals(x.Symbol, y.Symbol) ? Sameness.Same : Sameness.Different;
            }

            if (x.Kind == KeyKind.Chain && y.Kind == KeyKind.Chain && x.Chain == y.Chain && SymbolEqualityComparer.Default.Equals(x.Symbol, y.Symbol))
            {
                return Sameness.Same;
            }

            return Sameness.Unknown;
        }

        /// <summary>Compares a value with the member <paramref name="member"/> of <paramref name="instance"/> (<c>p.PreparedBy</c>).</summary>
        public static Sameness CompareWithMember(IOperation value, IOperation instance, ISymbol member)
            => Compare(KeyOf(value, 0), MemberKey(instance, member, 0)) == Sameness.Same ? Sameness.Same : Sameness.Unknown;

        /// <summary>Readable text for a value in a message: its source text.</summary>
        public static string Text(IOperation operation) => Calls.Unwrap(operation).Syntax.ToString();

        private enum KeyKind
        {
            Unknown,
            Constant,
            Variable,
            Chain,
        }

        private readonly struct Key
        {
            public Key(KeyKind kind, object? value = null, ISymbol? symbol = null, string? chain = null)
            {
                Kind = kind;
                Value = value;
                Symbol = symbol;
                Chain = chain;
            }

            public KeyKind Kind { get; }

            public object? Value { get; }

            public ISymbol? Symbol { get; }

            public string? Chain { get; }
        }


        private static Key KeyOf(IOperation operation, int depth)
        {
            operation = Calls.Unwrap(operation);
            if (depth > 8)
            {
                return default;
            }

            if (operation.ConstantValue.HasValue)
            {
                var value = operation.ConstantValue.Value;
                return new Key(KeyKind.Constant, value is string s && s.Length == 0 ? string.Empty : value);
            }

            switch (operation)
            {
                case IDefaultValueOperation:
                    return new Key(KeyKind.Constant, null);
                case IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true, Name: "Empty" } field } when field.ContainingType.SpecialType == SpecialType.System_String:
                    return new Key(KeyKind.Constant, string.Empty);
                case IParameterReferenceOperation parameter:
                    return new Key(KeyKind.Variable, symbol: parameter.Parameter);
                case ILocalReferenceOperation local:
                    return LocalKey(local, depth);
                case IInstanceReferenceOperation:
                    return new Key(KeyKind.Chain, chain: "this");
                case IFieldReferenceOperation { Field.ContainingType: INamedTypeSymbol { IsTupleType: true } tupleType, Instance: ILocalReferenceOperation tupleLocal } element
                    when CopySource(tupleLocal) is { } tupleValue && Calls.Unwrap(tupleValue) is ITupleOperation literal
                        && IndexOf(tupleType, element.Field) is var at && at >= 0 && at < literal.Elements.Length:
                    // `var pair = (who: p.PreparedBy, p.Amount); ... pair.who` is p.PreparedBy.
                    return KeyOf(literal.Elements[at], depth + 1);
                case IMemberReferenceOperation member when member is IPropertyReferenceOperation { Arguments.Length: 0 } || member is IFieldReferenceOperation:
                    return member.Instance is null
                        ? new Key(KeyKind.Chain, chain: member.Member.ContainingType?.Name + "." + member.Member.Name)
                        : MemberKey(member.Instance, member.Member, depth + 1);
                default:
                    return default;
            }
        }

        /// <summary>
        /// The key of <c>instance.member</c>. A member of a fresh object is what the object was given for it: the
        /// initializer's value, or the constructor argument of the same name (<c>new Request(id, reason).Personnummer</c>
        /// is <c>id</c>); a <c>with</c> copy has the original's member unless it sets it. Otherwise a chain rooted in
        /// a variable (<c>p.Case.Subject</c>).
        /// </summary>
        private static Key MemberKey(IOperation instance, ISymbol member, int depth)
        {
            if (depth > 8)
            {
                return default;
            }

            switch (Fresh(instance, member, out var given))
            {
                case FreshKind.Given:
                    return KeyOf(given!, depth + 1);
                case FreshKind.NotGiven:
                    return default; // created without a value for it: nobody can tell
                case FreshKind.CopyOf:
                    instance = given!; // a with copy that keeps the member: the original's
                    break;
            }

            var root = KeyOf(instance, depth + 1);
            return root.Kind switch
            {
                // A chain keeps its root variable as a symbol and the member names as text: p.Case.Subject.
                KeyKind.Chain => new Key(KeyKind.Chain, symbol: root.Symbol, chain: root.Chain + "." + member.Name),
                KeyKind.Variable => new Key(KeyKind.Chain, symbol: root.Symbol, chain: "." + member.Name),
                _ => default,
            };
        }

        /// <summary>
        /// The value a fresh object was given for <paramref name="member"/> (<c>new Request(id, reason)</c> gives
        /// <c>id</c> for <c>Personnummer</c>), through a local copy and <c>with</c> copies; null when
        /// <paramref name="instance"/> is not such an object or did not get a value for the member.
        /// </summary>
        public static IOperation? FreshMemberValue(IOperation instance, ISymbol member)
            => Fresh(instance, member, out var given) == FreshKind.Given ? given : null;

        private enum FreshKind
        {
            /// <summary>Not a fresh object (a variable, a call): its member is a chain.</summary>
            None,

            /// <summary>A fresh object given a value for the member: that value.</summary>
            Given,

            /// <summary>A fresh object created without a value for the member.</summary>
            NotGiven,

            /// <summary><c>with</c> copies that keep the member: the original object they copy.</summary>
            CopyOf,
        }

        /// <summary>
        /// What a fresh object (<c>new</c>, <c>with</c>, or a local copied once from either) holds in a member: the
        /// initializer's value or the constructor argument of the same name; for a <c>with</c> that does not set it,
        /// what the original holds.
        /// </summary>
        private static FreshKind Fresh(IOperation instance, ISymbol member, out IOperation? value)
        {
            value = null;
            var copied = false;
            for (var depth = 0; depth < 8; depth++)
            {
                var fresh = Calls.Unwrap(instance);
                if (fresh is ILocalReferenceOperation local && CopySource(local) is { } source && Calls.Unwrap(source) is IObjectCreationOperation or IWithOperation)
                {
                    fresh = Calls.Unwrap(source);
                }

                switch (fresh)
                {
                    case IWithOperation with:
                        if (Initialized(with.Initializer, member) is { } set)
                        {
                            value = set;
                            return FreshKind.Given;
                        }

                        instance = with.Operand;
                        copied = true;
                        continue;
                    case IObjectCreationOperation creation:
                        value = Initialized(creation.Initializer, member);
                        foreach (var argument in creation.Arguments)
                        {
                            if (value is null && argument.Parameter is { } parameter && string.Equals(parameter.Name, member.Name, System.StringComparison.OrdinalIgnoreCase))
                            {
                                value = argument.Value;
                            }
                        }

                        return value is null ? FreshKind.NotGiven : FreshKind.Given;
                    default:
                        value = copied ? instance : null;
                        return copied ? FreshKind.CopyOf : FreshKind.None;
                }
            }

            return FreshKind.NotGiven;
        }

        /// <summary>The value an object initializer assigns to <paramref name="member"/>, or null.</summary>
        private static IOperation? Initialized(IObjectOrCollectionInitializerOperation? initializer, ISymbol member)
        {
            if (initializer is null)
            {
                return null;
            }

            foreach (var item in initializer.Initializers)
            {
                if (item is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment
                    && SymbolEqualityComparer.Default.Equals(target.Member.OriginalDefinition, member.OriginalDefinition))
                {
                    return assignment.Value;
                }
            }

            return null;
        }

        /// <summary>
        /// A local written once: a copy of a variable, chain or constant is that value; a value computed from other
        /// variables (<c>Normalize(id)</c>, <c>id + "1"</c>) is unknown; a fresh value (<c>repo.Next()</c>) is the local itself.
        /// A local written more than once is unknown.
        /// </summary>
        private static int IndexOf(INamedTypeSymbol tuple, IFieldSymbol field)
        {
            var elements = tuple.TupleElements;
            for (var i = 0; i < elements.Length; i++)
            {
                if (SymbolEqualityComparer.Default.Equals(elements[i], field) || SymbolEqualityComparer.Default.Equals(elements[i], field.CorrespondingTupleField))
                {
                    return i;
                }
            }

            return -1;
        }

        private static Key LocalKey(ILocalReferenceOperation local, int depth)
        {
            if (!TrySingleAssignment(local, out var initializer))
            {
                return default;
            }

            if (initializer is null)
            {
                return new Key(KeyKind.Variable, symbol: local.Local);
            }

            var copied = KeyOf(initializer, depth + 1);
            if (copied.Kind != KeyKind.Unknown)
            {
                return copied;
            }

            foreach (var descendant in initializer.DescendantsAndSelf())
            {
                if (descendant is ILocalReferenceOperation || descendant is IParameterReferenceOperation || descendant is IInstanceReferenceOperation)
                {
                    return default;
                }
            }

            return new Key(KeyKind.Variable, symbol: local.Local);
        }

        /// <summary>The value a local was initialized with, when that declaration is its only write; otherwise null.</summary>
        public static IOperation? CopySource(ILocalReferenceOperation local)
            => TrySingleAssignment(local, out var initializer) ? initializer : null;

        /// <summary>
        /// Whether a deconstruction writes the local: the index of the tuple element it gets when the value is a tuple
        /// literal of the same arity, -1 when it writes it otherwise, null when it does not write it.
        /// </summary>
        private static int? Deconstructs(IDeconstructionAssignmentOperation deconstruction, ILocalSymbol local)
        {
            var target = deconstruction.Target is IDeclarationExpressionOperation { Expression: var declared } ? declared : deconstruction.Target;
            if (target is not ITupleOperation targets)
            {
                return null;
            }

            for (var i = 0; i < targets.Elements.Length; i++)
            {
                var element = targets.Elements[i] is IDeclarationExpressionOperation { Expression: var inner } ? inner : targets.Elements[i];
                if (element is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    return Calls.Unwrap(deconstruction.Value) is ITupleOperation values && values.Elements.Length == targets.Elements.Length ? i : -1;
                }

                if (element is ITupleOperation)
                {
                    return -1; // nested deconstruction: not followed
                }
            }

            return null;
        }

        /// <summary>The value a local holds when its declaration is its only write (a copy); otherwise null.</summary>
        private static bool TrySingleAssignment(ILocalReferenceOperation reference, out IOperation? initializer)
        {
            initializer = null;
            var local = reference.Local;
            if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1)
            {
                return false;
            }

            foreach (var descendant in Calls.Root(reference).Descendants())
            {
                switch (descendant)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        initializer = declarator.Initializer?.Value;
                        break;
                    case IDeconstructionAssignmentOperation deconstruction when Deconstructs(deconstruction, local) is { } index:
                        // `var (preparer, amount) = (p.PreparedBy, p.Amount);` copies element by element.
                        if (initializer is not null || index < 0)
                        {
                            initializer = null;
                            return false;
                        }

                        initializer = ((ITupleOperation)Calls.Unwrap(deconstruction.Value)).Elements[index];
                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target2 } when SymbolEqualityComparer.Default.Equals(target2.Local, local):
                    case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation target3 } when SymbolEqualityComparer.Default.Equals(target3.Local, local):
                    case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out, Value: ILocalReferenceOperation byRef } when SymbolEqualityComparer.Default.Equals(byRef.Local, local):
                        initializer = null;
                        return false;
                }
            }

            return true;
        }
    }
}
