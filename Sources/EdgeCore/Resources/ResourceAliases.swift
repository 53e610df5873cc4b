// The stored resource kinds, by the names the API uses.
public typealias ExternalNetwork = Resource<ExternalNetworkSpec>
public typealias EIP = Resource<EIPSpec>
public typealias RouterGateway = Resource<RouterGatewaySpec>
public typealias NodeGateway = Resource<NodeGatewaySpec>
public typealias FloatingIP = Resource<FloatingIPSpec>
public typealias SNATRule = Resource<SNATRuleSpec>
public typealias DNATRule = Resource<DNATRuleSpec>
public typealias Mirror = Resource<MirrorSpec>
