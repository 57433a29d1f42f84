using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CaseCompliance.Analyzers.Model
{
    /// <summary>
    /// The policy model: what a symbol means here (personal data, purposes in scope, roles), from every
    /// <see cref="IMeaningSource"/>, with overrides and interface implementations inheriting the meaning of
    /// the member they implement. One instance per compilation, shared by all analyzers; answers are cached.
    /// </summary>
    public sealed class CaseModel
    {
        private static readonly ConditionalWeakTable<Compilation, CaseModel> Models = new ConditionalWeakTable<Compilation, CaseModel>();

        private readonly ImmutableArray<IMeaningSource> sources;
        private readonly ConcurrentDictionary<ISymbol, SymbolMeaning> declared = new ConcurrentDictionary<ISymbol, SymbolMeaning>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, SymbolMeaning> effective = new ConcurrentDictionary<ISymbol, SymbolMeaning>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, PersonalDataBox> personalData = new ConcurrentDictionary<ISymbol, PersonalDataBox>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, PurposeScope> scopes = new ConcurrentDictionary<ISymbol, PurposeScope>(SymbolEqualityComparer.Default);

        private CaseModel(Compilation compilation)
        {
            Compilation = compilation;
            Symbols = new KnownSymbols(compilation);
            Aliases = new UsingAliases(compilation);
            Purposes = NameCatalog.Purposes;
            Grounds = NameCatalog.Grounds;
            sources = ImmutableArray.Create<IMeaningSource>(new AttributeMeaningSource(Symbols));
        }

        public Compilation Compilation { get; }

        /// <summary>Which files declare using aliases (so a name may stand for an annotation under another name).</summary>
        public UsingAliases Aliases { get; }

        public KnownSymbols Symbols { get; }

        /// <summary>The purposes code may declare.</summary>
        public NameCatalog Purposes { get; }

        /// <summary>The grounds of discrimination code may name.</summary>
        public NameCatalog Grounds { get; }

        /// <summary>True when anything could be personal data, so the purpose rules have work to do.</summary>
        public bool HasPersonalData => Symbols.PersonalData is not null || Symbols.ProtectedCharacteristic is not null || Symbols.DataClassification is not null;

        /// <summary>The model of the compilation an analysis starts on, built once and shared by every analyzer.</summary>
#pragma warning disable RS1012 // the model only reads the context; the caller registers the actions
        public static CaseModel GetOrCreate(CompilationStartAnalysisContext context) => GetOrCreate(context.Compilation);
#pragma warning restore RS1012

        public static CaseModel GetOrCreate(Compilation compilation) => Models.GetValue(compilation, static c => new CaseModel(c));

        /// <summary>What is declared on the symbol itself, by every source.</summary>
        public SymbolMeaning Declared(ISymbol symbol)
        {
            symbol = symbol.OriginalDefinition;
            if (declared.TryGetValue(symbol, out var meaning))
            {
                return meaning;
            }

            var builder = new MeaningBuilder();
            foreach (var source in sources)
            {
                source.AddDeclared(symbol, builder);
            }

            return declared.GetOrAdd(symbol, builder.ToMeaning());
        }

        /// <summary>What the symbol means: declared, or inherited from the members it overrides or implements.</summary>
        public SymbolMeaning Meaning(ISymbol symbol)
        {
            symbol = symbol.OriginalDefinition;
            if (effective.TryGetValue(symbol, out var meaning))
            {
                return meaning;
            }

            var own = Declared(symbol);
            var inherited = InheritedFrom(symbol);
            if (inherited.Count > 0)
            {
                own = Merge(own, inherited);
            }

            return effective.GetOrAdd(symbol, own);
        }

        /// <summary>Whether the symbol plays <paramref name="role"/>, declared or inherited.</summary>
        public bool HasRole(ISymbol symbol, Role role) => Meaning(symbol).HasRole(role);

        /// <summary>
        /// Whether reading <paramref name="member"/> (a property, field, method's return value or parameter) reads
        /// personal data; null when it does not. A type-level <c>[PersonalData]</c> covers the type's properties and fields.
        /// </summary>
        public PersonalDataInfo? PersonalDataOf(ISymbol member)
        {
            member = member.OriginalDefinition;
            if (personalData.TryGetValue(member, out var box))
            {
                return box.Value;
            }

            var info = Meaning(member).PersonalData;
            if (info is null && member is IPropertySymbol property && property.ContainingType is { IsRecord: true } record)
            {
                // `record Person([PersonalData(...)] string Personnummer)` puts the attribute on the parameter only.
                info = PositionalParameterData(property, record);
            }

            if (info is null && IsDataMember(member) && member.ContainingType is { } type)
            {
                info = MemberDataOfType(type);
            }

            return personalData.GetOrAdd(member, new PersonalDataBox(info)).Value;
        }

        /// <summary>The purposes in scope for code in <paramref name="member"/>: member, containing types, assembly.</summary>
        public PurposeScope ScopeOf(ISymbol member)
        {
            member = member.OriginalDefinition;
            if (scopes.TryGetValue(member, out var scope))
            {
                return scope;
            }

            return scopes.GetOrAdd(member, ComputeScope(member));
        }

        /// <summary>The purposes in scope at an operation: the innermost lambda or local function that declares some, then the member's scope.</summary>
        public PurposeScope ScopeAt(IOperation operation, ISymbol containingSymbol)
        {
            for (var p = operation.Parent; p is not null; p = p.Parent)
            {
                var function = p switch
                {
                    IAnonymousFunctionOperation lambda => lambda.Symbol,
                    ILocalFunctionOperation local => local.Symbol,
                    _ => null,
                };
                if (function is not null && DeclaredPurposes(function) is { IsDefault: false } declared)
                {
                    return new PurposeScope(declared, function);
                }
            }

            return ScopeOf(containingSymbol);
        }

        /// <summary>
        /// Whether code at an operation is in a scope of <paramref name="role"/> (<c>[DecisionLogic]</c>): an enclosing
        /// lambda or local function, the member (or an accessor's property), or a containing type or its base types.
        /// </summary>
        public bool InRoleScope(IOperation operation, ISymbol containingSymbol, Role role)
        {
            for (var p = operation.Parent; p is not null; p = p.Parent)
            {
                if (p is ILocalFunctionOperation local && HasRole(local.Symbol, role) || p is IAnonymousFunctionOperation lambda && HasRole(lambda.Symbol, role))
                {
                    return true;
                }
            }

            return InRoleScope(containingSymbol, role);
        }

        /// <summary>Whether a member, its property or a type around it (or a base type) plays <paramref name="role"/>.</summary>
        public bool InRoleScope(ISymbol containingSymbol, Role role)
        {
            foreach (var symbol in ScopeChain(containingSymbol))
            {
                if (symbol is INamedTypeSymbol ? Declared(symbol).HasRole(role) : HasRole(symbol, role))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a [LegalBasis] on an enclosing lambda or local function, the member, its property or its types allows the ground.</summary>
        public bool LegalBasisAllows(IOperation operation, ISymbol containingSymbol, string ground)
        {
            for (var p = operation.Parent; p is not null; p = p.Parent)
            {
                var function = p switch
                {
                    IAnonymousFunctionOperation lambda => lambda.Symbol,
                    ILocalFunctionOperation local => local.Symbol,
                    _ => null,
                };
                if (function is not null && Allows(Declared(function), ground))
                {
                    return true;
                }
            }

            foreach (var symbol in ScopeChain(containingSymbol))
            {
                if (Allows(symbol is INamedTypeSymbol ? Declared(symbol) : Meaning(symbol), ground))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Allows(SymbolMeaning meaning, string ground)
        {
            foreach (var basis in meaning.LegalBases)
            {
                if (basis.Grounds.Contains(ground))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The member, an accessor's property, the containing types and their base types, innermost first.</summary>
        private static IEnumerable<ISymbol> ScopeChain(ISymbol member)
        {
            for (var current = member; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
            {
                yield return current;
                if (current is IMethodSymbol { AssociatedSymbol: { } associated })
                {
                    yield return associated;
                }

                if (current is INamedTypeSymbol type)
                {
                    for (var b = type.BaseType; b is not null && b.SpecialType == SpecialType.None; b = b.BaseType)
                    {
                        yield return b;
                    }
                }
            }
        }

        /// <summary>The purposes declared on a lambda or local function itself, or default.</summary>
        public ImmutableArray<string> DeclaredPurposes(ISymbol symbol) => Declared(symbol).ProcessingPurposes;

        private PurposeScope ComputeScope(ISymbol member)
        {
            for (var current = member; current is not null; current = current.ContainingSymbol)
            {
                switch (current)
                {
                    case IMethodSymbol method:
                        if (Meaning(method).ProcessingPurposes is { IsDefault: false } p)
                        {
                            return new PurposeScope(p, method);
                        }

                        if (method.AssociatedSymbol is { } associated && Meaning(associated).ProcessingPurposes is { IsDefault: false } ap)
                        {
                            return new PurposeScope(ap, associated);
                        }

                        break;
                    case INamedTypeSymbol type:
                        for (var t = type; t is not null; t = t.BaseType)
                        {
                            if (Declared(t).ProcessingPurposes is { IsDefault: false } tp)
                            {
                                return new PurposeScope(tp, t);
                            }
                        }

                        break;
                    case IAssemblySymbol assembly:
                        if (Declared(assembly).ProcessingPurposes is { IsDefault: false } asm)
                        {
                            return new PurposeScope(asm, assembly);
                        }

                        return PurposeScope.None;
                    case INamespaceSymbol ns:
                        // Namespaces carry no attributes; go straight to the assembly.
                        return ns.ContainingAssembly is { } a ? ScopeOf(a) : PurposeScope.None;
                    default:
                        if (Meaning(current).ProcessingPurposes is { IsDefault: false } other)
                        {
                            return new PurposeScope(other, current);
                        }

                        break;
                }
            }

            return PurposeScope.None;
        }

        private PersonalDataInfo? PositionalParameterData(IPropertySymbol property, INamedTypeSymbol record)
        {
            foreach (var constructor in record.InstanceConstructors)
            {
                foreach (var parameter in constructor.Parameters)
                {
                    if (parameter.Name == property.Name && SymbolEqualityComparer.Default.Equals(parameter.Type, property.Type)
                        && Declared(parameter).PersonalData is { } info)
                    {
                        return info;
                    }
                }
            }

            return null;
        }

        private PersonalDataInfo? MemberDataOfType(INamedTypeSymbol type)
        {
            for (var t = type; t is not null; t = t.BaseType)
            {
                if (Declared(t).MemberPersonalData is { } info)
                {
                    return info;
                }
            }

            return null;
        }

        private static bool IsDataMember(ISymbol member) => !member.IsImplicitlyDeclared && member switch
        {
            IPropertySymbol => true,
            IFieldSymbol field => !field.IsConst && field.AssociatedSymbol is null,
            _ => false,
        };

        private List<SymbolMeaning> InheritedFrom(ISymbol symbol)
        {
            var list = new List<SymbolMeaning>();
            switch (symbol)
            {
                case IMethodSymbol method:
                    for (var o = method.OverriddenMethod; o is not null; o = o.OverriddenMethod)
                    {
                        list.Add(Declared(o));
                    }

                    break;
                case IPropertySymbol property:
                    for (var o = property.OverriddenProperty; o is not null; o = o.OverriddenProperty)
                    {
                        list.Add(Declared(o));
                    }

                    break;
                case IParameterSymbol parameter when parameter.ContainingSymbol is IMethodSymbol owner:
                    foreach (var m in ImplementedOrOverridden(owner))
                    {
                        if (m is IMethodSymbol im && parameter.Ordinal < im.Parameters.Length)
                        {
                            list.Add(Declared(im.Parameters[parameter.Ordinal]));
                        }
                    }

                    return list;
                default:
                    return list;
            }

            foreach (var implemented in ImplementedInterfaceMembers(symbol))
            {
                list.Add(Declared(implemented));
            }

            return list;
        }

        private IEnumerable<ISymbol> ImplementedOrOverridden(IMethodSymbol method)
        {
            for (var o = method.OverriddenMethod; o is not null; o = o.OverriddenMethod)
            {
                yield return o;
            }

            foreach (var i in ImplementedInterfaceMembers(method))
            {
                yield return i;
            }
        }

        private static IEnumerable<ISymbol> ImplementedInterfaceMembers(ISymbol member)
        {
            var type = member.ContainingType;
            if (type is null || member.IsStatic)
            {
                yield break;
            }

            foreach (var explicitImpl in ExplicitImplementations(member))
            {
                yield return explicitImpl;
            }

            if (type.TypeKind == TypeKind.Interface)
            {
                yield break;
            }

            foreach (var iface in type.AllInterfaces)
            {
                foreach (var candidate in iface.GetMembers(member.Name))
                {
                    var impl = type.FindImplementationForInterfaceMember(candidate);
                    if (impl is not null && SymbolEqualityComparer.Default.Equals(impl.OriginalDefinition, member))
                    {
                        yield return candidate.OriginalDefinition;
                    }
                }
            }
        }

        private static IEnumerable<ISymbol> ExplicitImplementations(ISymbol member) => member switch
        {
            IMethodSymbol m => m.ExplicitInterfaceImplementations,
            IPropertySymbol p => p.ExplicitInterfaceImplementations,
            IEventSymbol e => e.ExplicitInterfaceImplementations,
            _ => ImmutableArray<ISymbol>.Empty,
        };

        private static SymbolMeaning Merge(SymbolMeaning own, List<SymbolMeaning> inherited)
        {
            var roles = own.Roles;
            var data = own.PersonalData;
            var purposes = own.ProcessingPurposes;
            var bases = own.LegalBases;
            foreach (var m in inherited)
            {
                roles |= m.Roles;
                data ??= m.PersonalData;
                if (purposes.IsDefault)
                {
                    purposes = m.ProcessingPurposes;
                }

                if (bases.IsEmpty)
                {
                    bases = m.LegalBases;
                }
            }

            var merged = new SymbolMeaning(roles, data, own.MemberPersonalData, purposes, bases);
            return merged.IsEmpty ? SymbolMeaning.None : merged;
        }

        private sealed class PersonalDataBox
        {
            public PersonalDataBox(PersonalDataInfo? value) => Value = value;

            public PersonalDataInfo? Value { get; }
        }
    }

    /// <summary>The purposes in scope at a place in code, and the symbol that declared them.</summary>
    public readonly struct PurposeScope
    {
        public static readonly PurposeScope None = new PurposeScope(ImmutableArray<string>.Empty, null);

        public PurposeScope(ImmutableArray<string> purposes, ISymbol? declaredOn)
        {
            Purposes = purposes;
            DeclaredOn = declaredOn;
        }

        public ImmutableArray<string> Purposes { get; }

        public ISymbol? DeclaredOn { get; }

        /// <summary>True when no purpose is declared (an empty <c>[ProcessingPurpose()]</c> declares none either).</summary>
        public bool IsEmpty => Purposes.IsDefaultOrEmpty;
    }
}
