/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const switchboard = $root.switchboard = (() => {

    /**
     * Namespace switchboard.
     * @exports switchboard
     * @namespace
     */
    const switchboard = {};

    switchboard.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof switchboard
         * @namespace
         */
        const v1 = {};

        /**
         * ErrorCode enum.
         * @name switchboard.v1.ErrorCode
         * @enum {number}
         * @property {number} ERROR_CODE_UNSPECIFIED=0 ERROR_CODE_UNSPECIFIED value
         * @property {number} BAD_FRAME=1 BAD_FRAME value
         * @property {number} UNKNOWN_FRAME=2 UNKNOWN_FRAME value
         * @property {number} INVALID_ARGUMENT=3 INVALID_ARGUMENT value
         * @property {number} FRAME_TOO_LARGE=4 FRAME_TOO_LARGE value
         * @property {number} RATE_LIMITED=5 RATE_LIMITED value
         * @property {number} FORBIDDEN=6 FORBIDDEN value
         * @property {number} NOT_FOUND=7 NOT_FOUND value
         * @property {number} GROUP_FULL=8 GROUP_FULL value
         * @property {number} UNAVAILABLE=9 UNAVAILABLE value
         * @property {number} OVERLOADED=10 OVERLOADED value
         * @property {number} INTERNAL=11 INTERNAL value
         * @property {number} CONFLICT=12 CONFLICT value
         * @property {number} UNAUTHORIZED=13 UNAUTHORIZED value
         */
        v1.ErrorCode = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "ERROR_CODE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "BAD_FRAME"] = 1;
            values[valuesById[2] = "UNKNOWN_FRAME"] = 2;
            values[valuesById[3] = "INVALID_ARGUMENT"] = 3;
            values[valuesById[4] = "FRAME_TOO_LARGE"] = 4;
            values[valuesById[5] = "RATE_LIMITED"] = 5;
            values[valuesById[6] = "FORBIDDEN"] = 6;
            values[valuesById[7] = "NOT_FOUND"] = 7;
            values[valuesById[8] = "GROUP_FULL"] = 8;
            values[valuesById[9] = "UNAVAILABLE"] = 9;
            values[valuesById[10] = "OVERLOADED"] = 10;
            values[valuesById[11] = "INTERNAL"] = 11;
            values[valuesById[12] = "CONFLICT"] = 12;
            values[valuesById[13] = "UNAUTHORIZED"] = 13;
            return values;
        })();

        /**
         * CloseCode enum.
         * @name switchboard.v1.CloseCode
         * @enum {number}
         * @property {number} CLOSE_CODE_UNSPECIFIED=0 CLOSE_CODE_UNSPECIFIED value
         * @property {number} GOING_AWAY=4000 GOING_AWAY value
         * @property {number} IDLE_TIMEOUT=4001 IDLE_TIMEOUT value
         * @property {number} TOKEN_EXPIRED=4002 TOKEN_EXPIRED value
         * @property {number} SLOW_CONSUMER=4003 SLOW_CONSUMER value
         * @property {number} SERVER_OVERLOADED=4004 SERVER_OVERLOADED value
         * @property {number} BACKEND_UNAVAILABLE=4005 BACKEND_UNAVAILABLE value
         * @property {number} BAD_TOKEN=4100 BAD_TOKEN value
         * @property {number} FORBIDDEN_CLOSE=4101 FORBIDDEN_CLOSE value
         * @property {number} PROTOCOL_VIOLATION=4102 PROTOCOL_VIOLATION value
         * @property {number} SESSION_REPLACED=4103 SESSION_REPLACED value
         */
        v1.CloseCode = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "CLOSE_CODE_UNSPECIFIED"] = 0;
            values[valuesById[4000] = "GOING_AWAY"] = 4000;
            values[valuesById[4001] = "IDLE_TIMEOUT"] = 4001;
            values[valuesById[4002] = "TOKEN_EXPIRED"] = 4002;
            values[valuesById[4003] = "SLOW_CONSUMER"] = 4003;
            values[valuesById[4004] = "SERVER_OVERLOADED"] = 4004;
            values[valuesById[4005] = "BACKEND_UNAVAILABLE"] = 4005;
            values[valuesById[4100] = "BAD_TOKEN"] = 4100;
            values[valuesById[4101] = "FORBIDDEN_CLOSE"] = 4101;
            values[valuesById[4102] = "PROTOCOL_VIOLATION"] = 4102;
            values[valuesById[4103] = "SESSION_REPLACED"] = 4103;
            return values;
        })();

        v1.ClientFrame = (function() {

            /**
             * Properties of a ClientFrame.
             * @typedef {Object} switchboard.v1.ClientFrame.$Properties
             * @property {number|null} [reqId] ClientFrame reqId
             * @property {switchboard.v1.SendMessage.$Properties|null} [send] ClientFrame send
             * @property {switchboard.v1.AckDelivery.$Properties|null} [ack] ClientFrame ack
             * @property {switchboard.v1.SyncRequest.$Properties|null} [sync] ClientFrame sync
             * @property {switchboard.v1.PresenceRequest.$Properties|null} [presence] ClientFrame presence
             * @property {switchboard.v1.Typing.$Properties|null} [typing] ClientFrame typing
             * @property {switchboard.v1.CreateGroup.$Properties|null} [createGroup] ClientFrame createGroup
             * @property {switchboard.v1.AddMembers.$Properties|null} [addMembers] ClientFrame addMembers
             * @property {switchboard.v1.RemoveMembers.$Properties|null} [removeMembers] ClientFrame removeMembers
             * @property {switchboard.v1.LeaveGroup.$Properties|null} [leaveGroup] ClientFrame leaveGroup
             * @property {switchboard.v1.Ping.$Properties|null} [ping] ClientFrame ping
             * @property {"send"|"ack"|"sync"|"presence"|"typing"|"createGroup"|"addMembers"|"removeMembers"|"leaveGroup"|"ping"} [body] ClientFrame body
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ClientFrame.
             * @memberof switchboard.v1
             * @interface IClientFrame
             * @augments switchboard.v1.ClientFrame.$Properties
             * @deprecated Use switchboard.v1.ClientFrame.$Properties instead.
             */

            /**
             * Narrowed shape of a ClientFrame.
             * @typedef {{
             *   reqId?: number|null;
             *   send?: switchboard.v1.SendMessage.$Shape|null;
             *   ack?: switchboard.v1.AckDelivery.$Shape|null;
             *   sync?: switchboard.v1.SyncRequest.$Shape|null;
             *   presence?: switchboard.v1.PresenceRequest.$Shape|null;
             *   typing?: switchboard.v1.Typing.$Shape|null;
             *   createGroup?: switchboard.v1.CreateGroup.$Shape|null;
             *   addMembers?: switchboard.v1.AddMembers.$Shape|null;
             *   removeMembers?: switchboard.v1.RemoveMembers.$Shape|null;
             *   leaveGroup?: switchboard.v1.LeaveGroup.$Shape|null;
             *   ping?: switchboard.v1.Ping.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ body?: undefined; send?: null; ack?: null; sync?: null; presence?: null; typing?: null; createGroup?: null; addMembers?: null; removeMembers?: null; leaveGroup?: null; ping?: null }|{ body?: "send"; send: switchboard.v1.SendMessage.$Shape; ack?: null; sync?: null; presence?: null; typing?: null; createGroup?: null; addMembers?: null; removeMembers?: null; leaveGroup?: null; ping?: null }|{ body?: "ack"; send?: null; ack: switchboard.v1.AckDelivery.$Shape; sync?: null; presence?: null; typing?: null; createGroup?: null; addMembers?: null; removeMembers?: null; leaveGroup?: null; ping?: null }|{ body?: "sync"; send?: null; ack?: null; sync: switchboard.v1.SyncRequest.$Shape; presence?: null; typing?: null; createGroup?: null; addMembers?: null; removeMembers?: null; leaveGroup?: null; ping?: null }|{ body?: "presence"; send?: null; ack?: null; sync?: null; presence: switchboard.v1.PresenceRequest.$Shape; typing?: null; createGroup?: null; addMembers?: null; removeMembers?: null; leaveGroup?: null; ping?: null }|{ body?: "typing"; send?: null; ack?: null; sync?: null; presence?: null; typing: switchboard.v1.Typing.$Shape; createGroup?: null; addMembers?: null; removeMembers?: null; leaveGroup?: null; ping?: null }|{ body?: "createGroup"; send?: null; ack?: null; sync?: null; presence?: null; typing?: null; createGroup: switchboard.v1.CreateGroup.$Shape; addMembers?: null; removeMembers?: null; leaveGroup?: null; ping?: null }|{ body?: "addMembers"; send?: null; ack?: null; sync?: null; presence?: null; typing?: null; createGroup?: null; addMembers: switchboard.v1.AddMembers.$Shape; removeMembers?: null; leaveGroup?: null; ping?: null }|{ body?: "removeMembers"; send?: null; ack?: null; sync?: null; presence?: null; typing?: null; createGroup?: null; addMembers?: null; removeMembers: switchboard.v1.RemoveMembers.$Shape; leaveGroup?: null; ping?: null }|{ body?: "leaveGroup"; send?: null; ack?: null; sync?: null; presence?: null; typing?: null; createGroup?: null; addMembers?: null; removeMembers?: null; leaveGroup: switchboard.v1.LeaveGroup.$Shape; ping?: null }|{ body?: "ping"; send?: null; ack?: null; sync?: null; presence?: null; typing?: null; createGroup?: null; addMembers?: null; removeMembers?: null; leaveGroup?: null; ping: switchboard.v1.Ping.$Shape })
             * )} switchboard.v1.ClientFrame.$Shape
             */

            /**
             * Constructs a new ClientFrame.
             * @memberof switchboard.v1
             * @classdesc Represents a ClientFrame.
             * @constructor
             * @param {switchboard.v1.ClientFrame.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ClientFrame = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ClientFrame reqId.
             * @member {number} reqId
             * @memberof switchboard.v1.ClientFrame
             * @instance
             */
            ClientFrame.prototype.reqId = 0;

            /**
             * ClientFrame send.
             * @member {switchboard.v1.SendMessage.$Properties|null|undefined} send
             * @memberof switchboard.v1.ClientFrame
             * @instance
             */
            ClientFrame.prototype.send = null;

            /**
             * ClientFrame ack.
             * @member {switchboard.v1.AckDelivery.$Properties|null|undefined} ack
             * @memberof switchboard.v1.ClientFrame
             * @instance
             */
            ClientFrame.prototype.ack = null;

            /**
             * ClientFrame sync.
             * @member {switchboard.v1.SyncRequest.$Properties|null|undefined} sync
             * @memberof switchboard.v1.ClientFrame
             * @instance
             */
            ClientFrame.prototype.sync = null;

            /**
             * ClientFrame presence.
             * @member {switchboard.v1.PresenceRequest.$Properties|null|undefined} presence
             * @memberof switchboard.v1.ClientFrame
             * @instance
             */
            ClientFrame.prototype.presence = null;

            /**
             * ClientFrame typing.
             * @member {switchboard.v1.Typing.$Properties|null|undefined} typing
             * @memberof switchboard.v1.ClientFrame
             * @instance
             */
            ClientFrame.prototype.typing = null;

            /**
             * ClientFrame createGroup.
             * @member {switchboard.v1.CreateGroup.$Properties|null|undefined} createGroup
             * @memberof switchboard.v1.ClientFrame
             * @instance
             */
            ClientFrame.prototype.createGroup = null;

            /**
             * ClientFrame addMembers.
             * @member {switchboard.v1.AddMembers.$Properties|null|undefined} addMembers
             * @memberof switchboard.v1.ClientFrame
             * @instance
             */
            ClientFrame.prototype.addMembers = null;

            /**
             * ClientFrame removeMembers.
             * @member {switchboard.v1.RemoveMembers.$Properties|null|undefined} removeMembers
             * @memberof switchboard.v1.ClientFrame
             * @instance
             */
            ClientFrame.prototype.removeMembers = null;

            /**
             * ClientFrame leaveGroup.
             * @member {switchboard.v1.LeaveGroup.$Properties|null|undefined} leaveGroup
             * @memberof switchboard.v1.ClientFrame
             * @instance
             */
            ClientFrame.prototype.leaveGroup = null;

            /**
             * ClientFrame ping.
             * @member {switchboard.v1.Ping.$Properties|null|undefined} ping
             * @memberof switchboard.v1.ClientFrame
             * @instance
             */
            ClientFrame.prototype.ping = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * ClientFrame body.
             * @member {"send"|"ack"|"sync"|"presence"|"typing"|"createGroup"|"addMembers"|"removeMembers"|"leaveGroup"|"ping"|undefined} body
             * @memberof switchboard.v1.ClientFrame
             * @instance
             */
            $Object.defineProperty(ClientFrame.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["send", "ack", "sync", "presence", "typing", "createGroup", "addMembers", "removeMembers", "leaveGroup", "ping"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new ClientFrame instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.ClientFrame
             * @static
             * @param {switchboard.v1.ClientFrame.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.ClientFrame} ClientFrame instance
             * @type {{
             *   (properties: switchboard.v1.ClientFrame.$Shape): switchboard.v1.ClientFrame & switchboard.v1.ClientFrame.$Shape;
             *   (properties?: switchboard.v1.ClientFrame.$Properties): switchboard.v1.ClientFrame;
             * }}
             */
            ClientFrame.create = function(properties) {
                return new ClientFrame(properties);
            };

            /**
             * Encodes the specified ClientFrame message. Does not implicitly {@link switchboard.v1.ClientFrame.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.ClientFrame
             * @static
             * @param {switchboard.v1.ClientFrame.$Properties} m ClientFrame message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ClientFrame.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.reqId != null && $Object.hasOwnProperty.call(m, "reqId") && m.reqId !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.reqId);
                if (m.send != null && $Object.hasOwnProperty.call(m, "send"))
                    $root.switchboard.v1.SendMessage.encode(m.send, w.uint32(/* id 10, wireType 2 =*/82).fork(), q + 1).ldelim();
                if (m.ack != null && $Object.hasOwnProperty.call(m, "ack"))
                    $root.switchboard.v1.AckDelivery.encode(m.ack, w.uint32(/* id 11, wireType 2 =*/90).fork(), q + 1).ldelim();
                if (m.sync != null && $Object.hasOwnProperty.call(m, "sync"))
                    $root.switchboard.v1.SyncRequest.encode(m.sync, w.uint32(/* id 12, wireType 2 =*/98).fork(), q + 1).ldelim();
                if (m.presence != null && $Object.hasOwnProperty.call(m, "presence"))
                    $root.switchboard.v1.PresenceRequest.encode(m.presence, w.uint32(/* id 13, wireType 2 =*/106).fork(), q + 1).ldelim();
                if (m.typing != null && $Object.hasOwnProperty.call(m, "typing"))
                    $root.switchboard.v1.Typing.encode(m.typing, w.uint32(/* id 14, wireType 2 =*/114).fork(), q + 1).ldelim();
                if (m.createGroup != null && $Object.hasOwnProperty.call(m, "createGroup"))
                    $root.switchboard.v1.CreateGroup.encode(m.createGroup, w.uint32(/* id 15, wireType 2 =*/122).fork(), q + 1).ldelim();
                if (m.addMembers != null && $Object.hasOwnProperty.call(m, "addMembers"))
                    $root.switchboard.v1.AddMembers.encode(m.addMembers, w.uint32(/* id 16, wireType 2 =*/130).fork(), q + 1).ldelim();
                if (m.removeMembers != null && $Object.hasOwnProperty.call(m, "removeMembers"))
                    $root.switchboard.v1.RemoveMembers.encode(m.removeMembers, w.uint32(/* id 17, wireType 2 =*/138).fork(), q + 1).ldelim();
                if (m.leaveGroup != null && $Object.hasOwnProperty.call(m, "leaveGroup"))
                    $root.switchboard.v1.LeaveGroup.encode(m.leaveGroup, w.uint32(/* id 18, wireType 2 =*/146).fork(), q + 1).ldelim();
                if (m.ping != null && $Object.hasOwnProperty.call(m, "ping"))
                    $root.switchboard.v1.Ping.encode(m.ping, w.uint32(/* id 19, wireType 2 =*/154).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a ClientFrame message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.ClientFrame
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.ClientFrame & switchboard.v1.ClientFrame.$Shape} ClientFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ClientFrame.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.ClientFrame();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.reqId = v;
                            else
                                delete m.reqId;
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            m.send = $root.switchboard.v1.SendMessage.decode(r, r.size(), $undefined, q + 1, m.send);
                            m.body = "send";
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            m.ack = $root.switchboard.v1.AckDelivery.decode(r, r.size(), $undefined, q + 1, m.ack);
                            m.body = "ack";
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            m.sync = $root.switchboard.v1.SyncRequest.decode(r, r.size(), $undefined, q + 1, m.sync);
                            m.body = "sync";
                            continue;
                        }
                    case 13: {
                            if (u !== 2)
                                break;
                            m.presence = $root.switchboard.v1.PresenceRequest.decode(r, r.size(), $undefined, q + 1, m.presence);
                            m.body = "presence";
                            continue;
                        }
                    case 14: {
                            if (u !== 2)
                                break;
                            m.typing = $root.switchboard.v1.Typing.decode(r, r.size(), $undefined, q + 1, m.typing);
                            m.body = "typing";
                            continue;
                        }
                    case 15: {
                            if (u !== 2)
                                break;
                            m.createGroup = $root.switchboard.v1.CreateGroup.decode(r, r.size(), $undefined, q + 1, m.createGroup);
                            m.body = "createGroup";
                            continue;
                        }
                    case 16: {
                            if (u !== 2)
                                break;
                            m.addMembers = $root.switchboard.v1.AddMembers.decode(r, r.size(), $undefined, q + 1, m.addMembers);
                            m.body = "addMembers";
                            continue;
                        }
                    case 17: {
                            if (u !== 2)
                                break;
                            m.removeMembers = $root.switchboard.v1.RemoveMembers.decode(r, r.size(), $undefined, q + 1, m.removeMembers);
                            m.body = "removeMembers";
                            continue;
                        }
                    case 18: {
                            if (u !== 2)
                                break;
                            m.leaveGroup = $root.switchboard.v1.LeaveGroup.decode(r, r.size(), $undefined, q + 1, m.leaveGroup);
                            m.body = "leaveGroup";
                            continue;
                        }
                    case 19: {
                            if (u !== 2)
                                break;
                            m.ping = $root.switchboard.v1.Ping.decode(r, r.size(), $undefined, q + 1, m.ping);
                            m.body = "ping";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for ClientFrame
             * @function getTypeUrl
             * @memberof switchboard.v1.ClientFrame
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ClientFrame.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.ClientFrame";
            };

            return ClientFrame;
        })();

        v1.SendMessage = (function() {

            /**
             * Properties of a SendMessage.
             * @typedef {Object} switchboard.v1.SendMessage.$Properties
             * @property {string|null} [clientMsgId] SendMessage clientMsgId
             * @property {string|null} [conversationId] SendMessage conversationId
             * @property {Uint8Array|null} [body] SendMessage body
             * @property {string|null} [contentType] SendMessage contentType
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SendMessage.
             * @memberof switchboard.v1
             * @interface ISendMessage
             * @augments switchboard.v1.SendMessage.$Properties
             * @deprecated Use switchboard.v1.SendMessage.$Properties instead.
             */

            /**
             * Shape of a SendMessage.
             * @typedef {switchboard.v1.SendMessage.$Properties} switchboard.v1.SendMessage.$Shape
             */

            /**
             * Constructs a new SendMessage.
             * @memberof switchboard.v1
             * @classdesc Represents a SendMessage.
             * @constructor
             * @param {switchboard.v1.SendMessage.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SendMessage = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SendMessage clientMsgId.
             * @member {string} clientMsgId
             * @memberof switchboard.v1.SendMessage
             * @instance
             */
            SendMessage.prototype.clientMsgId = "";

            /**
             * SendMessage conversationId.
             * @member {string} conversationId
             * @memberof switchboard.v1.SendMessage
             * @instance
             */
            SendMessage.prototype.conversationId = "";

            /**
             * SendMessage body.
             * @member {Uint8Array} body
             * @memberof switchboard.v1.SendMessage
             * @instance
             */
            SendMessage.prototype.body = $util.newBuffer([]);

            /**
             * SendMessage contentType.
             * @member {string} contentType
             * @memberof switchboard.v1.SendMessage
             * @instance
             */
            SendMessage.prototype.contentType = "";

            /**
             * Creates a new SendMessage instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.SendMessage
             * @static
             * @param {switchboard.v1.SendMessage.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.SendMessage} SendMessage instance
             * @type {{
             *   (properties: switchboard.v1.SendMessage.$Shape): switchboard.v1.SendMessage & switchboard.v1.SendMessage.$Shape;
             *   (properties?: switchboard.v1.SendMessage.$Properties): switchboard.v1.SendMessage;
             * }}
             */
            SendMessage.create = function(properties) {
                return new SendMessage(properties);
            };

            /**
             * Encodes the specified SendMessage message. Does not implicitly {@link switchboard.v1.SendMessage.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.SendMessage
             * @static
             * @param {switchboard.v1.SendMessage.$Properties} m SendMessage message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SendMessage.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.clientMsgId != null && $Object.hasOwnProperty.call(m, "clientMsgId") && m.clientMsgId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.clientMsgId);
                if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId") && m.conversationId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.conversationId);
                if (m.body != null && $Object.hasOwnProperty.call(m, "body") && m.body.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.body);
                if (m.contentType != null && $Object.hasOwnProperty.call(m, "contentType") && m.contentType !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.contentType);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a SendMessage message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.SendMessage
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.SendMessage & switchboard.v1.SendMessage.$Shape} SendMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SendMessage.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.SendMessage();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.clientMsgId = v;
                            else
                                delete m.clientMsgId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.conversationId = v;
                            else
                                delete m.conversationId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.body = v;
                            else
                                delete m.body;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.contentType = v;
                            else
                                delete m.contentType;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for SendMessage
             * @function getTypeUrl
             * @memberof switchboard.v1.SendMessage
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SendMessage.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.SendMessage";
            };

            return SendMessage;
        })();

        v1.AckDelivery = (function() {

            /**
             * Properties of an AckDelivery.
             * @typedef {Object} switchboard.v1.AckDelivery.$Properties
             * @property {string|null} [conversationId] AckDelivery conversationId
             * @property {number|null} [seq] AckDelivery seq
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AckDelivery.
             * @memberof switchboard.v1
             * @interface IAckDelivery
             * @augments switchboard.v1.AckDelivery.$Properties
             * @deprecated Use switchboard.v1.AckDelivery.$Properties instead.
             */

            /**
             * Shape of an AckDelivery.
             * @typedef {switchboard.v1.AckDelivery.$Properties} switchboard.v1.AckDelivery.$Shape
             */

            /**
             * Constructs a new AckDelivery.
             * @memberof switchboard.v1
             * @classdesc Represents an AckDelivery.
             * @constructor
             * @param {switchboard.v1.AckDelivery.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AckDelivery = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * AckDelivery conversationId.
             * @member {string} conversationId
             * @memberof switchboard.v1.AckDelivery
             * @instance
             */
            AckDelivery.prototype.conversationId = "";

            /**
             * AckDelivery seq.
             * @member {number} seq
             * @memberof switchboard.v1.AckDelivery
             * @instance
             */
            AckDelivery.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new AckDelivery instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.AckDelivery
             * @static
             * @param {switchboard.v1.AckDelivery.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.AckDelivery} AckDelivery instance
             * @type {{
             *   (properties: switchboard.v1.AckDelivery.$Shape): switchboard.v1.AckDelivery & switchboard.v1.AckDelivery.$Shape;
             *   (properties?: switchboard.v1.AckDelivery.$Properties): switchboard.v1.AckDelivery;
             * }}
             */
            AckDelivery.create = function(properties) {
                return new AckDelivery(properties);
            };

            /**
             * Encodes the specified AckDelivery message. Does not implicitly {@link switchboard.v1.AckDelivery.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.AckDelivery
             * @static
             * @param {switchboard.v1.AckDelivery.$Properties} m AckDelivery message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AckDelivery.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId") && m.conversationId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.conversationId);
                if (m.seq != null && $Object.hasOwnProperty.call(m, "seq") && (typeof m.seq === "object" ? m.seq.low || m.seq.high : m.seq !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).uint64(m.seq);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an AckDelivery message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.AckDelivery
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.AckDelivery & switchboard.v1.AckDelivery.$Shape} AckDelivery
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AckDelivery.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.AckDelivery();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.conversationId = v;
                            else
                                delete m.conversationId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.seq = v;
                            else
                                delete m.seq;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for AckDelivery
             * @function getTypeUrl
             * @memberof switchboard.v1.AckDelivery
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AckDelivery.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.AckDelivery";
            };

            return AckDelivery;
        })();

        v1.SyncCursor = (function() {

            /**
             * Properties of a SyncCursor.
             * @typedef {Object} switchboard.v1.SyncCursor.$Properties
             * @property {string|null} [conversationId] SyncCursor conversationId
             * @property {number|null} [afterSeq] SyncCursor afterSeq
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SyncCursor.
             * @memberof switchboard.v1
             * @interface ISyncCursor
             * @augments switchboard.v1.SyncCursor.$Properties
             * @deprecated Use switchboard.v1.SyncCursor.$Properties instead.
             */

            /**
             * Shape of a SyncCursor.
             * @typedef {switchboard.v1.SyncCursor.$Properties} switchboard.v1.SyncCursor.$Shape
             */

            /**
             * Constructs a new SyncCursor.
             * @memberof switchboard.v1
             * @classdesc Represents a SyncCursor.
             * @constructor
             * @param {switchboard.v1.SyncCursor.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SyncCursor = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SyncCursor conversationId.
             * @member {string} conversationId
             * @memberof switchboard.v1.SyncCursor
             * @instance
             */
            SyncCursor.prototype.conversationId = "";

            /**
             * SyncCursor afterSeq.
             * @member {number} afterSeq
             * @memberof switchboard.v1.SyncCursor
             * @instance
             */
            SyncCursor.prototype.afterSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new SyncCursor instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.SyncCursor
             * @static
             * @param {switchboard.v1.SyncCursor.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.SyncCursor} SyncCursor instance
             * @type {{
             *   (properties: switchboard.v1.SyncCursor.$Shape): switchboard.v1.SyncCursor & switchboard.v1.SyncCursor.$Shape;
             *   (properties?: switchboard.v1.SyncCursor.$Properties): switchboard.v1.SyncCursor;
             * }}
             */
            SyncCursor.create = function(properties) {
                return new SyncCursor(properties);
            };

            /**
             * Encodes the specified SyncCursor message. Does not implicitly {@link switchboard.v1.SyncCursor.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.SyncCursor
             * @static
             * @param {switchboard.v1.SyncCursor.$Properties} m SyncCursor message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SyncCursor.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId") && m.conversationId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.conversationId);
                if (m.afterSeq != null && $Object.hasOwnProperty.call(m, "afterSeq") && (typeof m.afterSeq === "object" ? m.afterSeq.low || m.afterSeq.high : m.afterSeq !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).uint64(m.afterSeq);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a SyncCursor message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.SyncCursor
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.SyncCursor & switchboard.v1.SyncCursor.$Shape} SyncCursor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SyncCursor.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.SyncCursor();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.conversationId = v;
                            else
                                delete m.conversationId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.afterSeq = v;
                            else
                                delete m.afterSeq;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for SyncCursor
             * @function getTypeUrl
             * @memberof switchboard.v1.SyncCursor
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SyncCursor.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.SyncCursor";
            };

            return SyncCursor;
        })();

        v1.SyncRequest = (function() {

            /**
             * Properties of a SyncRequest.
             * @typedef {Object} switchboard.v1.SyncRequest.$Properties
             * @property {Array.<switchboard.v1.SyncCursor.$Properties>|null} [cursors] SyncRequest cursors
             * @property {number|null} [limit] SyncRequest limit
             * @property {boolean|null} [allConversations] SyncRequest allConversations
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SyncRequest.
             * @memberof switchboard.v1
             * @interface ISyncRequest
             * @augments switchboard.v1.SyncRequest.$Properties
             * @deprecated Use switchboard.v1.SyncRequest.$Properties instead.
             */

            /**
             * Shape of a SyncRequest.
             * @typedef {switchboard.v1.SyncRequest.$Properties} switchboard.v1.SyncRequest.$Shape
             */

            /**
             * Constructs a new SyncRequest.
             * @memberof switchboard.v1
             * @classdesc Represents a SyncRequest.
             * @constructor
             * @param {switchboard.v1.SyncRequest.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SyncRequest = function (p) {
                this.cursors = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SyncRequest cursors.
             * @member {Array.<switchboard.v1.SyncCursor.$Properties>} cursors
             * @memberof switchboard.v1.SyncRequest
             * @instance
             */
            SyncRequest.prototype.cursors = $util.emptyArray;

            /**
             * SyncRequest limit.
             * @member {number} limit
             * @memberof switchboard.v1.SyncRequest
             * @instance
             */
            SyncRequest.prototype.limit = 0;

            /**
             * SyncRequest allConversations.
             * @member {boolean} allConversations
             * @memberof switchboard.v1.SyncRequest
             * @instance
             */
            SyncRequest.prototype.allConversations = false;

            /**
             * Creates a new SyncRequest instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.SyncRequest
             * @static
             * @param {switchboard.v1.SyncRequest.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.SyncRequest} SyncRequest instance
             * @type {{
             *   (properties: switchboard.v1.SyncRequest.$Shape): switchboard.v1.SyncRequest & switchboard.v1.SyncRequest.$Shape;
             *   (properties?: switchboard.v1.SyncRequest.$Properties): switchboard.v1.SyncRequest;
             * }}
             */
            SyncRequest.create = function(properties) {
                return new SyncRequest(properties);
            };

            /**
             * Encodes the specified SyncRequest message. Does not implicitly {@link switchboard.v1.SyncRequest.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.SyncRequest
             * @static
             * @param {switchboard.v1.SyncRequest.$Properties} m SyncRequest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SyncRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.cursors != null && m.cursors.length) {
                    for (var i = 0; i < m.cursors.length; ++i)
                        $root.switchboard.v1.SyncCursor.encode(m.cursors[i], w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                }
                if (m.limit != null && $Object.hasOwnProperty.call(m, "limit") && m.limit !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).uint32(m.limit);
                if (m.allConversations != null && $Object.hasOwnProperty.call(m, "allConversations") && m.allConversations !== false)
                    w.uint32(/* id 3, wireType 0 =*/24).bool(m.allConversations);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a SyncRequest message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.SyncRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.SyncRequest & switchboard.v1.SyncRequest.$Shape} SyncRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SyncRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.SyncRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.cursors && m.cursors.length))
                                m.cursors = [];
                            m.cursors.push($root.switchboard.v1.SyncCursor.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.limit = v;
                            else
                                delete m.limit;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.allConversations = v;
                            else
                                delete m.allConversations;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for SyncRequest
             * @function getTypeUrl
             * @memberof switchboard.v1.SyncRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SyncRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.SyncRequest";
            };

            return SyncRequest;
        })();

        v1.PresenceRequest = (function() {

            /**
             * Properties of a PresenceRequest.
             * @typedef {Object} switchboard.v1.PresenceRequest.$Properties
             * @property {Array.<string>|null} [userIds] PresenceRequest userIds
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PresenceRequest.
             * @memberof switchboard.v1
             * @interface IPresenceRequest
             * @augments switchboard.v1.PresenceRequest.$Properties
             * @deprecated Use switchboard.v1.PresenceRequest.$Properties instead.
             */

            /**
             * Shape of a PresenceRequest.
             * @typedef {switchboard.v1.PresenceRequest.$Properties} switchboard.v1.PresenceRequest.$Shape
             */

            /**
             * Constructs a new PresenceRequest.
             * @memberof switchboard.v1
             * @classdesc Represents a PresenceRequest.
             * @constructor
             * @param {switchboard.v1.PresenceRequest.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PresenceRequest = function (p) {
                this.userIds = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * PresenceRequest userIds.
             * @member {Array.<string>} userIds
             * @memberof switchboard.v1.PresenceRequest
             * @instance
             */
            PresenceRequest.prototype.userIds = $util.emptyArray;

            /**
             * Creates a new PresenceRequest instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.PresenceRequest
             * @static
             * @param {switchboard.v1.PresenceRequest.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.PresenceRequest} PresenceRequest instance
             * @type {{
             *   (properties: switchboard.v1.PresenceRequest.$Shape): switchboard.v1.PresenceRequest & switchboard.v1.PresenceRequest.$Shape;
             *   (properties?: switchboard.v1.PresenceRequest.$Properties): switchboard.v1.PresenceRequest;
             * }}
             */
            PresenceRequest.create = function(properties) {
                return new PresenceRequest(properties);
            };

            /**
             * Encodes the specified PresenceRequest message. Does not implicitly {@link switchboard.v1.PresenceRequest.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.PresenceRequest
             * @static
             * @param {switchboard.v1.PresenceRequest.$Properties} m PresenceRequest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PresenceRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.userIds != null && m.userIds.length) {
                    for (var i = 0; i < m.userIds.length; ++i)
                        w.uint32(/* id 1, wireType 2 =*/10).string(m.userIds[i]);
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a PresenceRequest message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.PresenceRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.PresenceRequest & switchboard.v1.PresenceRequest.$Shape} PresenceRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PresenceRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.PresenceRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.userIds && m.userIds.length))
                                m.userIds = [];
                            m.userIds.push(r.stringVerify());
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for PresenceRequest
             * @function getTypeUrl
             * @memberof switchboard.v1.PresenceRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PresenceRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.PresenceRequest";
            };

            return PresenceRequest;
        })();

        v1.Typing = (function() {

            /**
             * Properties of a Typing.
             * @typedef {Object} switchboard.v1.Typing.$Properties
             * @property {string|null} [conversationId] Typing conversationId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Typing.
             * @memberof switchboard.v1
             * @interface ITyping
             * @augments switchboard.v1.Typing.$Properties
             * @deprecated Use switchboard.v1.Typing.$Properties instead.
             */

            /**
             * Shape of a Typing.
             * @typedef {switchboard.v1.Typing.$Properties} switchboard.v1.Typing.$Shape
             */

            /**
             * Constructs a new Typing.
             * @memberof switchboard.v1
             * @classdesc Represents a Typing.
             * @constructor
             * @param {switchboard.v1.Typing.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Typing = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Typing conversationId.
             * @member {string} conversationId
             * @memberof switchboard.v1.Typing
             * @instance
             */
            Typing.prototype.conversationId = "";

            /**
             * Creates a new Typing instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.Typing
             * @static
             * @param {switchboard.v1.Typing.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.Typing} Typing instance
             * @type {{
             *   (properties: switchboard.v1.Typing.$Shape): switchboard.v1.Typing & switchboard.v1.Typing.$Shape;
             *   (properties?: switchboard.v1.Typing.$Properties): switchboard.v1.Typing;
             * }}
             */
            Typing.create = function(properties) {
                return new Typing(properties);
            };

            /**
             * Encodes the specified Typing message. Does not implicitly {@link switchboard.v1.Typing.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.Typing
             * @static
             * @param {switchboard.v1.Typing.$Properties} m Typing message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Typing.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId") && m.conversationId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.conversationId);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Typing message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.Typing
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.Typing & switchboard.v1.Typing.$Shape} Typing
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Typing.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.Typing();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.conversationId = v;
                            else
                                delete m.conversationId;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for Typing
             * @function getTypeUrl
             * @memberof switchboard.v1.Typing
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Typing.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.Typing";
            };

            return Typing;
        })();

        v1.CreateGroup = (function() {

            /**
             * Properties of a CreateGroup.
             * @typedef {Object} switchboard.v1.CreateGroup.$Properties
             * @property {string|null} [name] CreateGroup name
             * @property {Array.<string>|null} [memberIds] CreateGroup memberIds
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CreateGroup.
             * @memberof switchboard.v1
             * @interface ICreateGroup
             * @augments switchboard.v1.CreateGroup.$Properties
             * @deprecated Use switchboard.v1.CreateGroup.$Properties instead.
             */

            /**
             * Shape of a CreateGroup.
             * @typedef {switchboard.v1.CreateGroup.$Properties} switchboard.v1.CreateGroup.$Shape
             */

            /**
             * Constructs a new CreateGroup.
             * @memberof switchboard.v1
             * @classdesc Represents a CreateGroup.
             * @constructor
             * @param {switchboard.v1.CreateGroup.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CreateGroup = function (p) {
                this.memberIds = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * CreateGroup name.
             * @member {string} name
             * @memberof switchboard.v1.CreateGroup
             * @instance
             */
            CreateGroup.prototype.name = "";

            /**
             * CreateGroup memberIds.
             * @member {Array.<string>} memberIds
             * @memberof switchboard.v1.CreateGroup
             * @instance
             */
            CreateGroup.prototype.memberIds = $util.emptyArray;

            /**
             * Creates a new CreateGroup instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.CreateGroup
             * @static
             * @param {switchboard.v1.CreateGroup.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.CreateGroup} CreateGroup instance
             * @type {{
             *   (properties: switchboard.v1.CreateGroup.$Shape): switchboard.v1.CreateGroup & switchboard.v1.CreateGroup.$Shape;
             *   (properties?: switchboard.v1.CreateGroup.$Properties): switchboard.v1.CreateGroup;
             * }}
             */
            CreateGroup.create = function(properties) {
                return new CreateGroup(properties);
            };

            /**
             * Encodes the specified CreateGroup message. Does not implicitly {@link switchboard.v1.CreateGroup.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.CreateGroup
             * @static
             * @param {switchboard.v1.CreateGroup.$Properties} m CreateGroup message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CreateGroup.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.name);
                if (m.memberIds != null && m.memberIds.length) {
                    for (var i = 0; i < m.memberIds.length; ++i)
                        w.uint32(/* id 2, wireType 2 =*/18).string(m.memberIds[i]);
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a CreateGroup message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.CreateGroup
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.CreateGroup & switchboard.v1.CreateGroup.$Shape} CreateGroup
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CreateGroup.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.CreateGroup();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if (!(m.memberIds && m.memberIds.length))
                                m.memberIds = [];
                            m.memberIds.push(r.stringVerify());
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for CreateGroup
             * @function getTypeUrl
             * @memberof switchboard.v1.CreateGroup
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            CreateGroup.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.CreateGroup";
            };

            return CreateGroup;
        })();

        v1.AddMembers = (function() {

            /**
             * Properties of an AddMembers.
             * @typedef {Object} switchboard.v1.AddMembers.$Properties
             * @property {string|null} [conversationId] AddMembers conversationId
             * @property {Array.<string>|null} [userIds] AddMembers userIds
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AddMembers.
             * @memberof switchboard.v1
             * @interface IAddMembers
             * @augments switchboard.v1.AddMembers.$Properties
             * @deprecated Use switchboard.v1.AddMembers.$Properties instead.
             */

            /**
             * Shape of an AddMembers.
             * @typedef {switchboard.v1.AddMembers.$Properties} switchboard.v1.AddMembers.$Shape
             */

            /**
             * Constructs a new AddMembers.
             * @memberof switchboard.v1
             * @classdesc Represents an AddMembers.
             * @constructor
             * @param {switchboard.v1.AddMembers.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AddMembers = function (p) {
                this.userIds = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * AddMembers conversationId.
             * @member {string} conversationId
             * @memberof switchboard.v1.AddMembers
             * @instance
             */
            AddMembers.prototype.conversationId = "";

            /**
             * AddMembers userIds.
             * @member {Array.<string>} userIds
             * @memberof switchboard.v1.AddMembers
             * @instance
             */
            AddMembers.prototype.userIds = $util.emptyArray;

            /**
             * Creates a new AddMembers instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.AddMembers
             * @static
             * @param {switchboard.v1.AddMembers.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.AddMembers} AddMembers instance
             * @type {{
             *   (properties: switchboard.v1.AddMembers.$Shape): switchboard.v1.AddMembers & switchboard.v1.AddMembers.$Shape;
             *   (properties?: switchboard.v1.AddMembers.$Properties): switchboard.v1.AddMembers;
             * }}
             */
            AddMembers.create = function(properties) {
                return new AddMembers(properties);
            };

            /**
             * Encodes the specified AddMembers message. Does not implicitly {@link switchboard.v1.AddMembers.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.AddMembers
             * @static
             * @param {switchboard.v1.AddMembers.$Properties} m AddMembers message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AddMembers.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId") && m.conversationId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.conversationId);
                if (m.userIds != null && m.userIds.length) {
                    for (var i = 0; i < m.userIds.length; ++i)
                        w.uint32(/* id 2, wireType 2 =*/18).string(m.userIds[i]);
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an AddMembers message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.AddMembers
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.AddMembers & switchboard.v1.AddMembers.$Shape} AddMembers
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AddMembers.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.AddMembers();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.conversationId = v;
                            else
                                delete m.conversationId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if (!(m.userIds && m.userIds.length))
                                m.userIds = [];
                            m.userIds.push(r.stringVerify());
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for AddMembers
             * @function getTypeUrl
             * @memberof switchboard.v1.AddMembers
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AddMembers.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.AddMembers";
            };

            return AddMembers;
        })();

        v1.RemoveMembers = (function() {

            /**
             * Properties of a RemoveMembers.
             * @typedef {Object} switchboard.v1.RemoveMembers.$Properties
             * @property {string|null} [conversationId] RemoveMembers conversationId
             * @property {Array.<string>|null} [userIds] RemoveMembers userIds
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RemoveMembers.
             * @memberof switchboard.v1
             * @interface IRemoveMembers
             * @augments switchboard.v1.RemoveMembers.$Properties
             * @deprecated Use switchboard.v1.RemoveMembers.$Properties instead.
             */

            /**
             * Shape of a RemoveMembers.
             * @typedef {switchboard.v1.RemoveMembers.$Properties} switchboard.v1.RemoveMembers.$Shape
             */

            /**
             * Constructs a new RemoveMembers.
             * @memberof switchboard.v1
             * @classdesc Represents a RemoveMembers.
             * @constructor
             * @param {switchboard.v1.RemoveMembers.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RemoveMembers = function (p) {
                this.userIds = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * RemoveMembers conversationId.
             * @member {string} conversationId
             * @memberof switchboard.v1.RemoveMembers
             * @instance
             */
            RemoveMembers.prototype.conversationId = "";

            /**
             * RemoveMembers userIds.
             * @member {Array.<string>} userIds
             * @memberof switchboard.v1.RemoveMembers
             * @instance
             */
            RemoveMembers.prototype.userIds = $util.emptyArray;

            /**
             * Creates a new RemoveMembers instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.RemoveMembers
             * @static
             * @param {switchboard.v1.RemoveMembers.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.RemoveMembers} RemoveMembers instance
             * @type {{
             *   (properties: switchboard.v1.RemoveMembers.$Shape): switchboard.v1.RemoveMembers & switchboard.v1.RemoveMembers.$Shape;
             *   (properties?: switchboard.v1.RemoveMembers.$Properties): switchboard.v1.RemoveMembers;
             * }}
             */
            RemoveMembers.create = function(properties) {
                return new RemoveMembers(properties);
            };

            /**
             * Encodes the specified RemoveMembers message. Does not implicitly {@link switchboard.v1.RemoveMembers.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.RemoveMembers
             * @static
             * @param {switchboard.v1.RemoveMembers.$Properties} m RemoveMembers message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RemoveMembers.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId") && m.conversationId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.conversationId);
                if (m.userIds != null && m.userIds.length) {
                    for (var i = 0; i < m.userIds.length; ++i)
                        w.uint32(/* id 2, wireType 2 =*/18).string(m.userIds[i]);
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a RemoveMembers message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.RemoveMembers
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.RemoveMembers & switchboard.v1.RemoveMembers.$Shape} RemoveMembers
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RemoveMembers.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.RemoveMembers();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.conversationId = v;
                            else
                                delete m.conversationId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if (!(m.userIds && m.userIds.length))
                                m.userIds = [];
                            m.userIds.push(r.stringVerify());
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for RemoveMembers
             * @function getTypeUrl
             * @memberof switchboard.v1.RemoveMembers
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RemoveMembers.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.RemoveMembers";
            };

            return RemoveMembers;
        })();

        v1.LeaveGroup = (function() {

            /**
             * Properties of a LeaveGroup.
             * @typedef {Object} switchboard.v1.LeaveGroup.$Properties
             * @property {string|null} [conversationId] LeaveGroup conversationId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LeaveGroup.
             * @memberof switchboard.v1
             * @interface ILeaveGroup
             * @augments switchboard.v1.LeaveGroup.$Properties
             * @deprecated Use switchboard.v1.LeaveGroup.$Properties instead.
             */

            /**
             * Shape of a LeaveGroup.
             * @typedef {switchboard.v1.LeaveGroup.$Properties} switchboard.v1.LeaveGroup.$Shape
             */

            /**
             * Constructs a new LeaveGroup.
             * @memberof switchboard.v1
             * @classdesc Represents a LeaveGroup.
             * @constructor
             * @param {switchboard.v1.LeaveGroup.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LeaveGroup = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * LeaveGroup conversationId.
             * @member {string} conversationId
             * @memberof switchboard.v1.LeaveGroup
             * @instance
             */
            LeaveGroup.prototype.conversationId = "";

            /**
             * Creates a new LeaveGroup instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.LeaveGroup
             * @static
             * @param {switchboard.v1.LeaveGroup.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.LeaveGroup} LeaveGroup instance
             * @type {{
             *   (properties: switchboard.v1.LeaveGroup.$Shape): switchboard.v1.LeaveGroup & switchboard.v1.LeaveGroup.$Shape;
             *   (properties?: switchboard.v1.LeaveGroup.$Properties): switchboard.v1.LeaveGroup;
             * }}
             */
            LeaveGroup.create = function(properties) {
                return new LeaveGroup(properties);
            };

            /**
             * Encodes the specified LeaveGroup message. Does not implicitly {@link switchboard.v1.LeaveGroup.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.LeaveGroup
             * @static
             * @param {switchboard.v1.LeaveGroup.$Properties} m LeaveGroup message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LeaveGroup.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId") && m.conversationId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.conversationId);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a LeaveGroup message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.LeaveGroup
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.LeaveGroup & switchboard.v1.LeaveGroup.$Shape} LeaveGroup
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LeaveGroup.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.LeaveGroup();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.conversationId = v;
                            else
                                delete m.conversationId;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for LeaveGroup
             * @function getTypeUrl
             * @memberof switchboard.v1.LeaveGroup
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            LeaveGroup.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.LeaveGroup";
            };

            return LeaveGroup;
        })();

        v1.Ping = (function() {

            /**
             * Properties of a Ping.
             * @typedef {Object} switchboard.v1.Ping.$Properties
             * @property {number|null} [clientTimeMs] Ping clientTimeMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Ping.
             * @memberof switchboard.v1
             * @interface IPing
             * @augments switchboard.v1.Ping.$Properties
             * @deprecated Use switchboard.v1.Ping.$Properties instead.
             */

            /**
             * Shape of a Ping.
             * @typedef {switchboard.v1.Ping.$Properties} switchboard.v1.Ping.$Shape
             */

            /**
             * Constructs a new Ping.
             * @memberof switchboard.v1
             * @classdesc Represents a Ping.
             * @constructor
             * @param {switchboard.v1.Ping.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Ping = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Ping clientTimeMs.
             * @member {number} clientTimeMs
             * @memberof switchboard.v1.Ping
             * @instance
             */
            Ping.prototype.clientTimeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new Ping instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.Ping
             * @static
             * @param {switchboard.v1.Ping.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.Ping} Ping instance
             * @type {{
             *   (properties: switchboard.v1.Ping.$Shape): switchboard.v1.Ping & switchboard.v1.Ping.$Shape;
             *   (properties?: switchboard.v1.Ping.$Properties): switchboard.v1.Ping;
             * }}
             */
            Ping.create = function(properties) {
                return new Ping(properties);
            };

            /**
             * Encodes the specified Ping message. Does not implicitly {@link switchboard.v1.Ping.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.Ping
             * @static
             * @param {switchboard.v1.Ping.$Properties} m Ping message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ping.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.clientTimeMs != null && $Object.hasOwnProperty.call(m, "clientTimeMs") && (typeof m.clientTimeMs === "object" ? m.clientTimeMs.low || m.clientTimeMs.high : m.clientTimeMs !== 0))
                    w.uint32(/* id 1, wireType 0 =*/8).uint64(m.clientTimeMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Ping message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.Ping
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.Ping & switchboard.v1.Ping.$Shape} Ping
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ping.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.Ping();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.clientTimeMs = v;
                            else
                                delete m.clientTimeMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for Ping
             * @function getTypeUrl
             * @memberof switchboard.v1.Ping
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Ping.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.Ping";
            };

            return Ping;
        })();

        v1.ServerFrame = (function() {

            /**
             * Properties of a ServerFrame.
             * @typedef {Object} switchboard.v1.ServerFrame.$Properties
             * @property {number|null} [reqId] ServerFrame reqId
             * @property {switchboard.v1.Welcome.$Properties|null} [welcome] ServerFrame welcome
             * @property {switchboard.v1.SendAck.$Properties|null} [sendAck] ServerFrame sendAck
             * @property {switchboard.v1.Message.$Properties|null} [message] ServerFrame message
             * @property {switchboard.v1.SyncDone.$Properties|null} [syncDone] ServerFrame syncDone
             * @property {switchboard.v1.PresenceResult.$Properties|null} [presenceResult] ServerFrame presenceResult
             * @property {switchboard.v1.TypingEvent.$Properties|null} [typing] ServerFrame typing
             * @property {switchboard.v1.GroupResult.$Properties|null} [groupResult] ServerFrame groupResult
             * @property {switchboard.v1.Error.$Properties|null} [error] ServerFrame error
             * @property {switchboard.v1.Pong.$Properties|null} [pong] ServerFrame pong
             * @property {switchboard.v1.GoAway.$Properties|null} [goaway] ServerFrame goaway
             * @property {switchboard.v1.AckResult.$Properties|null} [ackResult] ServerFrame ackResult
             * @property {"welcome"|"sendAck"|"message"|"syncDone"|"presenceResult"|"typing"|"groupResult"|"error"|"pong"|"goaway"|"ackResult"} [body] ServerFrame body
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ServerFrame.
             * @memberof switchboard.v1
             * @interface IServerFrame
             * @augments switchboard.v1.ServerFrame.$Properties
             * @deprecated Use switchboard.v1.ServerFrame.$Properties instead.
             */

            /**
             * Narrowed shape of a ServerFrame.
             * @typedef {{
             *   reqId?: number|null;
             *   welcome?: switchboard.v1.Welcome.$Shape|null;
             *   sendAck?: switchboard.v1.SendAck.$Shape|null;
             *   message?: switchboard.v1.Message.$Shape|null;
             *   syncDone?: switchboard.v1.SyncDone.$Shape|null;
             *   presenceResult?: switchboard.v1.PresenceResult.$Shape|null;
             *   typing?: switchboard.v1.TypingEvent.$Shape|null;
             *   groupResult?: switchboard.v1.GroupResult.$Shape|null;
             *   error?: switchboard.v1.Error.$Shape|null;
             *   pong?: switchboard.v1.Pong.$Shape|null;
             *   goaway?: switchboard.v1.GoAway.$Shape|null;
             *   ackResult?: switchboard.v1.AckResult.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ body?: undefined; welcome?: null; sendAck?: null; message?: null; syncDone?: null; presenceResult?: null; typing?: null; groupResult?: null; error?: null; pong?: null; goaway?: null; ackResult?: null }|{ body?: "welcome"; welcome: switchboard.v1.Welcome.$Shape; sendAck?: null; message?: null; syncDone?: null; presenceResult?: null; typing?: null; groupResult?: null; error?: null; pong?: null; goaway?: null; ackResult?: null }|{ body?: "sendAck"; welcome?: null; sendAck: switchboard.v1.SendAck.$Shape; message?: null; syncDone?: null; presenceResult?: null; typing?: null; groupResult?: null; error?: null; pong?: null; goaway?: null; ackResult?: null }|{ body?: "message"; welcome?: null; sendAck?: null; message: switchboard.v1.Message.$Shape; syncDone?: null; presenceResult?: null; typing?: null; groupResult?: null; error?: null; pong?: null; goaway?: null; ackResult?: null }|{ body?: "syncDone"; welcome?: null; sendAck?: null; message?: null; syncDone: switchboard.v1.SyncDone.$Shape; presenceResult?: null; typing?: null; groupResult?: null; error?: null; pong?: null; goaway?: null; ackResult?: null }|{ body?: "presenceResult"; welcome?: null; sendAck?: null; message?: null; syncDone?: null; presenceResult: switchboard.v1.PresenceResult.$Shape; typing?: null; groupResult?: null; error?: null; pong?: null; goaway?: null; ackResult?: null }|{ body?: "typing"; welcome?: null; sendAck?: null; message?: null; syncDone?: null; presenceResult?: null; typing: switchboard.v1.TypingEvent.$Shape; groupResult?: null; error?: null; pong?: null; goaway?: null; ackResult?: null }|{ body?: "groupResult"; welcome?: null; sendAck?: null; message?: null; syncDone?: null; presenceResult?: null; typing?: null; groupResult: switchboard.v1.GroupResult.$Shape; error?: null; pong?: null; goaway?: null; ackResult?: null }|{ body?: "error"; welcome?: null; sendAck?: null; message?: null; syncDone?: null; presenceResult?: null; typing?: null; groupResult?: null; error: switchboard.v1.Error.$Shape; pong?: null; goaway?: null; ackResult?: null }|{ body?: "pong"; welcome?: null; sendAck?: null; message?: null; syncDone?: null; presenceResult?: null; typing?: null; groupResult?: null; error?: null; pong: switchboard.v1.Pong.$Shape; goaway?: null; ackResult?: null }|{ body?: "goaway"; welcome?: null; sendAck?: null; message?: null; syncDone?: null; presenceResult?: null; typing?: null; groupResult?: null; error?: null; pong?: null; goaway: switchboard.v1.GoAway.$Shape; ackResult?: null }|{ body?: "ackResult"; welcome?: null; sendAck?: null; message?: null; syncDone?: null; presenceResult?: null; typing?: null; groupResult?: null; error?: null; pong?: null; goaway?: null; ackResult: switchboard.v1.AckResult.$Shape })
             * )} switchboard.v1.ServerFrame.$Shape
             */

            /**
             * Constructs a new ServerFrame.
             * @memberof switchboard.v1
             * @classdesc Represents a ServerFrame.
             * @constructor
             * @param {switchboard.v1.ServerFrame.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ServerFrame = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ServerFrame reqId.
             * @member {number} reqId
             * @memberof switchboard.v1.ServerFrame
             * @instance
             */
            ServerFrame.prototype.reqId = 0;

            /**
             * ServerFrame welcome.
             * @member {switchboard.v1.Welcome.$Properties|null|undefined} welcome
             * @memberof switchboard.v1.ServerFrame
             * @instance
             */
            ServerFrame.prototype.welcome = null;

            /**
             * ServerFrame sendAck.
             * @member {switchboard.v1.SendAck.$Properties|null|undefined} sendAck
             * @memberof switchboard.v1.ServerFrame
             * @instance
             */
            ServerFrame.prototype.sendAck = null;

            /**
             * ServerFrame message.
             * @member {switchboard.v1.Message.$Properties|null|undefined} message
             * @memberof switchboard.v1.ServerFrame
             * @instance
             */
            ServerFrame.prototype.message = null;

            /**
             * ServerFrame syncDone.
             * @member {switchboard.v1.SyncDone.$Properties|null|undefined} syncDone
             * @memberof switchboard.v1.ServerFrame
             * @instance
             */
            ServerFrame.prototype.syncDone = null;

            /**
             * ServerFrame presenceResult.
             * @member {switchboard.v1.PresenceResult.$Properties|null|undefined} presenceResult
             * @memberof switchboard.v1.ServerFrame
             * @instance
             */
            ServerFrame.prototype.presenceResult = null;

            /**
             * ServerFrame typing.
             * @member {switchboard.v1.TypingEvent.$Properties|null|undefined} typing
             * @memberof switchboard.v1.ServerFrame
             * @instance
             */
            ServerFrame.prototype.typing = null;

            /**
             * ServerFrame groupResult.
             * @member {switchboard.v1.GroupResult.$Properties|null|undefined} groupResult
             * @memberof switchboard.v1.ServerFrame
             * @instance
             */
            ServerFrame.prototype.groupResult = null;

            /**
             * ServerFrame error.
             * @member {switchboard.v1.Error.$Properties|null|undefined} error
             * @memberof switchboard.v1.ServerFrame
             * @instance
             */
            ServerFrame.prototype.error = null;

            /**
             * ServerFrame pong.
             * @member {switchboard.v1.Pong.$Properties|null|undefined} pong
             * @memberof switchboard.v1.ServerFrame
             * @instance
             */
            ServerFrame.prototype.pong = null;

            /**
             * ServerFrame goaway.
             * @member {switchboard.v1.GoAway.$Properties|null|undefined} goaway
             * @memberof switchboard.v1.ServerFrame
             * @instance
             */
            ServerFrame.prototype.goaway = null;

            /**
             * ServerFrame ackResult.
             * @member {switchboard.v1.AckResult.$Properties|null|undefined} ackResult
             * @memberof switchboard.v1.ServerFrame
             * @instance
             */
            ServerFrame.prototype.ackResult = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * ServerFrame body.
             * @member {"welcome"|"sendAck"|"message"|"syncDone"|"presenceResult"|"typing"|"groupResult"|"error"|"pong"|"goaway"|"ackResult"|undefined} body
             * @memberof switchboard.v1.ServerFrame
             * @instance
             */
            $Object.defineProperty(ServerFrame.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["welcome", "sendAck", "message", "syncDone", "presenceResult", "typing", "groupResult", "error", "pong", "goaway", "ackResult"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new ServerFrame instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.ServerFrame
             * @static
             * @param {switchboard.v1.ServerFrame.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.ServerFrame} ServerFrame instance
             * @type {{
             *   (properties: switchboard.v1.ServerFrame.$Shape): switchboard.v1.ServerFrame & switchboard.v1.ServerFrame.$Shape;
             *   (properties?: switchboard.v1.ServerFrame.$Properties): switchboard.v1.ServerFrame;
             * }}
             */
            ServerFrame.create = function(properties) {
                return new ServerFrame(properties);
            };

            /**
             * Encodes the specified ServerFrame message. Does not implicitly {@link switchboard.v1.ServerFrame.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.ServerFrame
             * @static
             * @param {switchboard.v1.ServerFrame.$Properties} m ServerFrame message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ServerFrame.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.reqId != null && $Object.hasOwnProperty.call(m, "reqId") && m.reqId !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.reqId);
                if (m.welcome != null && $Object.hasOwnProperty.call(m, "welcome"))
                    $root.switchboard.v1.Welcome.encode(m.welcome, w.uint32(/* id 10, wireType 2 =*/82).fork(), q + 1).ldelim();
                if (m.sendAck != null && $Object.hasOwnProperty.call(m, "sendAck"))
                    $root.switchboard.v1.SendAck.encode(m.sendAck, w.uint32(/* id 11, wireType 2 =*/90).fork(), q + 1).ldelim();
                if (m.message != null && $Object.hasOwnProperty.call(m, "message"))
                    $root.switchboard.v1.Message.encode(m.message, w.uint32(/* id 12, wireType 2 =*/98).fork(), q + 1).ldelim();
                if (m.syncDone != null && $Object.hasOwnProperty.call(m, "syncDone"))
                    $root.switchboard.v1.SyncDone.encode(m.syncDone, w.uint32(/* id 13, wireType 2 =*/106).fork(), q + 1).ldelim();
                if (m.presenceResult != null && $Object.hasOwnProperty.call(m, "presenceResult"))
                    $root.switchboard.v1.PresenceResult.encode(m.presenceResult, w.uint32(/* id 14, wireType 2 =*/114).fork(), q + 1).ldelim();
                if (m.typing != null && $Object.hasOwnProperty.call(m, "typing"))
                    $root.switchboard.v1.TypingEvent.encode(m.typing, w.uint32(/* id 15, wireType 2 =*/122).fork(), q + 1).ldelim();
                if (m.groupResult != null && $Object.hasOwnProperty.call(m, "groupResult"))
                    $root.switchboard.v1.GroupResult.encode(m.groupResult, w.uint32(/* id 16, wireType 2 =*/130).fork(), q + 1).ldelim();
                if (m.error != null && $Object.hasOwnProperty.call(m, "error"))
                    $root.switchboard.v1.Error.encode(m.error, w.uint32(/* id 17, wireType 2 =*/138).fork(), q + 1).ldelim();
                if (m.pong != null && $Object.hasOwnProperty.call(m, "pong"))
                    $root.switchboard.v1.Pong.encode(m.pong, w.uint32(/* id 18, wireType 2 =*/146).fork(), q + 1).ldelim();
                if (m.goaway != null && $Object.hasOwnProperty.call(m, "goaway"))
                    $root.switchboard.v1.GoAway.encode(m.goaway, w.uint32(/* id 19, wireType 2 =*/154).fork(), q + 1).ldelim();
                if (m.ackResult != null && $Object.hasOwnProperty.call(m, "ackResult"))
                    $root.switchboard.v1.AckResult.encode(m.ackResult, w.uint32(/* id 20, wireType 2 =*/162).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a ServerFrame message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.ServerFrame
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.ServerFrame & switchboard.v1.ServerFrame.$Shape} ServerFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ServerFrame.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.ServerFrame();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.reqId = v;
                            else
                                delete m.reqId;
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            m.welcome = $root.switchboard.v1.Welcome.decode(r, r.size(), $undefined, q + 1, m.welcome);
                            m.body = "welcome";
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            m.sendAck = $root.switchboard.v1.SendAck.decode(r, r.size(), $undefined, q + 1, m.sendAck);
                            m.body = "sendAck";
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            m.message = $root.switchboard.v1.Message.decode(r, r.size(), $undefined, q + 1, m.message);
                            m.body = "message";
                            continue;
                        }
                    case 13: {
                            if (u !== 2)
                                break;
                            m.syncDone = $root.switchboard.v1.SyncDone.decode(r, r.size(), $undefined, q + 1, m.syncDone);
                            m.body = "syncDone";
                            continue;
                        }
                    case 14: {
                            if (u !== 2)
                                break;
                            m.presenceResult = $root.switchboard.v1.PresenceResult.decode(r, r.size(), $undefined, q + 1, m.presenceResult);
                            m.body = "presenceResult";
                            continue;
                        }
                    case 15: {
                            if (u !== 2)
                                break;
                            m.typing = $root.switchboard.v1.TypingEvent.decode(r, r.size(), $undefined, q + 1, m.typing);
                            m.body = "typing";
                            continue;
                        }
                    case 16: {
                            if (u !== 2)
                                break;
                            m.groupResult = $root.switchboard.v1.GroupResult.decode(r, r.size(), $undefined, q + 1, m.groupResult);
                            m.body = "groupResult";
                            continue;
                        }
                    case 17: {
                            if (u !== 2)
                                break;
                            m.error = $root.switchboard.v1.Error.decode(r, r.size(), $undefined, q + 1, m.error);
                            m.body = "error";
                            continue;
                        }
                    case 18: {
                            if (u !== 2)
                                break;
                            m.pong = $root.switchboard.v1.Pong.decode(r, r.size(), $undefined, q + 1, m.pong);
                            m.body = "pong";
                            continue;
                        }
                    case 19: {
                            if (u !== 2)
                                break;
                            m.goaway = $root.switchboard.v1.GoAway.decode(r, r.size(), $undefined, q + 1, m.goaway);
                            m.body = "goaway";
                            continue;
                        }
                    case 20: {
                            if (u !== 2)
                                break;
                            m.ackResult = $root.switchboard.v1.AckResult.decode(r, r.size(), $undefined, q + 1, m.ackResult);
                            m.body = "ackResult";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for ServerFrame
             * @function getTypeUrl
             * @memberof switchboard.v1.ServerFrame
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ServerFrame.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.ServerFrame";
            };

            return ServerFrame;
        })();

        v1.Welcome = (function() {

            /**
             * Properties of a Welcome.
             * @typedef {Object} switchboard.v1.Welcome.$Properties
             * @property {string|null} [userId] Welcome userId
             * @property {string|null} [deviceId] Welcome deviceId
             * @property {string|null} [sessionId] Welcome sessionId
             * @property {string|null} [nodeId] Welcome nodeId
             * @property {number|null} [heartbeatMs] Welcome heartbeatMs
             * @property {number|null} [maxFrameBytes] Welcome maxFrameBytes
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Welcome.
             * @memberof switchboard.v1
             * @interface IWelcome
             * @augments switchboard.v1.Welcome.$Properties
             * @deprecated Use switchboard.v1.Welcome.$Properties instead.
             */

            /**
             * Shape of a Welcome.
             * @typedef {switchboard.v1.Welcome.$Properties} switchboard.v1.Welcome.$Shape
             */

            /**
             * Constructs a new Welcome.
             * @memberof switchboard.v1
             * @classdesc Represents a Welcome.
             * @constructor
             * @param {switchboard.v1.Welcome.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Welcome = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Welcome userId.
             * @member {string} userId
             * @memberof switchboard.v1.Welcome
             * @instance
             */
            Welcome.prototype.userId = "";

            /**
             * Welcome deviceId.
             * @member {string} deviceId
             * @memberof switchboard.v1.Welcome
             * @instance
             */
            Welcome.prototype.deviceId = "";

            /**
             * Welcome sessionId.
             * @member {string} sessionId
             * @memberof switchboard.v1.Welcome
             * @instance
             */
            Welcome.prototype.sessionId = "";

            /**
             * Welcome nodeId.
             * @member {string} nodeId
             * @memberof switchboard.v1.Welcome
             * @instance
             */
            Welcome.prototype.nodeId = "";

            /**
             * Welcome heartbeatMs.
             * @member {number} heartbeatMs
             * @memberof switchboard.v1.Welcome
             * @instance
             */
            Welcome.prototype.heartbeatMs = 0;

            /**
             * Welcome maxFrameBytes.
             * @member {number} maxFrameBytes
             * @memberof switchboard.v1.Welcome
             * @instance
             */
            Welcome.prototype.maxFrameBytes = 0;

            /**
             * Creates a new Welcome instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.Welcome
             * @static
             * @param {switchboard.v1.Welcome.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.Welcome} Welcome instance
             * @type {{
             *   (properties: switchboard.v1.Welcome.$Shape): switchboard.v1.Welcome & switchboard.v1.Welcome.$Shape;
             *   (properties?: switchboard.v1.Welcome.$Properties): switchboard.v1.Welcome;
             * }}
             */
            Welcome.create = function(properties) {
                return new Welcome(properties);
            };

            /**
             * Encodes the specified Welcome message. Does not implicitly {@link switchboard.v1.Welcome.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.Welcome
             * @static
             * @param {switchboard.v1.Welcome.$Properties} m Welcome message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Welcome.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.userId != null && $Object.hasOwnProperty.call(m, "userId") && m.userId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.userId);
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId") && m.deviceId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.deviceId);
                if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId") && m.sessionId !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.sessionId);
                if (m.nodeId != null && $Object.hasOwnProperty.call(m, "nodeId") && m.nodeId !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.nodeId);
                if (m.heartbeatMs != null && $Object.hasOwnProperty.call(m, "heartbeatMs") && m.heartbeatMs !== 0)
                    w.uint32(/* id 5, wireType 0 =*/40).uint32(m.heartbeatMs);
                if (m.maxFrameBytes != null && $Object.hasOwnProperty.call(m, "maxFrameBytes") && m.maxFrameBytes !== 0)
                    w.uint32(/* id 6, wireType 0 =*/48).uint32(m.maxFrameBytes);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Welcome message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.Welcome
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.Welcome & switchboard.v1.Welcome.$Shape} Welcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Welcome.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.Welcome();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.userId = v;
                            else
                                delete m.userId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deviceId = v;
                            else
                                delete m.deviceId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.sessionId = v;
                            else
                                delete m.sessionId;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.nodeId = v;
                            else
                                delete m.nodeId;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.heartbeatMs = v;
                            else
                                delete m.heartbeatMs;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.maxFrameBytes = v;
                            else
                                delete m.maxFrameBytes;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for Welcome
             * @function getTypeUrl
             * @memberof switchboard.v1.Welcome
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Welcome.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.Welcome";
            };

            return Welcome;
        })();

        v1.SendAck = (function() {

            /**
             * Properties of a SendAck.
             * @typedef {Object} switchboard.v1.SendAck.$Properties
             * @property {string|null} [clientMsgId] SendAck clientMsgId
             * @property {string|null} [conversationId] SendAck conversationId
             * @property {string|null} [messageId] SendAck messageId
             * @property {number|null} [seq] SendAck seq
             * @property {number|null} [sentAtMs] SendAck sentAtMs
             * @property {boolean|null} [duplicate] SendAck duplicate
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SendAck.
             * @memberof switchboard.v1
             * @interface ISendAck
             * @augments switchboard.v1.SendAck.$Properties
             * @deprecated Use switchboard.v1.SendAck.$Properties instead.
             */

            /**
             * Shape of a SendAck.
             * @typedef {switchboard.v1.SendAck.$Properties} switchboard.v1.SendAck.$Shape
             */

            /**
             * Constructs a new SendAck.
             * @memberof switchboard.v1
             * @classdesc Represents a SendAck.
             * @constructor
             * @param {switchboard.v1.SendAck.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SendAck = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SendAck clientMsgId.
             * @member {string} clientMsgId
             * @memberof switchboard.v1.SendAck
             * @instance
             */
            SendAck.prototype.clientMsgId = "";

            /**
             * SendAck conversationId.
             * @member {string} conversationId
             * @memberof switchboard.v1.SendAck
             * @instance
             */
            SendAck.prototype.conversationId = "";

            /**
             * SendAck messageId.
             * @member {string} messageId
             * @memberof switchboard.v1.SendAck
             * @instance
             */
            SendAck.prototype.messageId = "";

            /**
             * SendAck seq.
             * @member {number} seq
             * @memberof switchboard.v1.SendAck
             * @instance
             */
            SendAck.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * SendAck sentAtMs.
             * @member {number} sentAtMs
             * @memberof switchboard.v1.SendAck
             * @instance
             */
            SendAck.prototype.sentAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * SendAck duplicate.
             * @member {boolean} duplicate
             * @memberof switchboard.v1.SendAck
             * @instance
             */
            SendAck.prototype.duplicate = false;

            /**
             * Creates a new SendAck instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.SendAck
             * @static
             * @param {switchboard.v1.SendAck.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.SendAck} SendAck instance
             * @type {{
             *   (properties: switchboard.v1.SendAck.$Shape): switchboard.v1.SendAck & switchboard.v1.SendAck.$Shape;
             *   (properties?: switchboard.v1.SendAck.$Properties): switchboard.v1.SendAck;
             * }}
             */
            SendAck.create = function(properties) {
                return new SendAck(properties);
            };

            /**
             * Encodes the specified SendAck message. Does not implicitly {@link switchboard.v1.SendAck.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.SendAck
             * @static
             * @param {switchboard.v1.SendAck.$Properties} m SendAck message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SendAck.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.clientMsgId != null && $Object.hasOwnProperty.call(m, "clientMsgId") && m.clientMsgId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.clientMsgId);
                if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId") && m.conversationId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.conversationId);
                if (m.messageId != null && $Object.hasOwnProperty.call(m, "messageId") && m.messageId !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.messageId);
                if (m.seq != null && $Object.hasOwnProperty.call(m, "seq") && (typeof m.seq === "object" ? m.seq.low || m.seq.high : m.seq !== 0))
                    w.uint32(/* id 4, wireType 0 =*/32).uint64(m.seq);
                if (m.sentAtMs != null && $Object.hasOwnProperty.call(m, "sentAtMs") && (typeof m.sentAtMs === "object" ? m.sentAtMs.low || m.sentAtMs.high : m.sentAtMs !== 0))
                    w.uint32(/* id 5, wireType 0 =*/40).uint64(m.sentAtMs);
                if (m.duplicate != null && $Object.hasOwnProperty.call(m, "duplicate") && m.duplicate !== false)
                    w.uint32(/* id 6, wireType 0 =*/48).bool(m.duplicate);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a SendAck message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.SendAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.SendAck & switchboard.v1.SendAck.$Shape} SendAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SendAck.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.SendAck();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.clientMsgId = v;
                            else
                                delete m.clientMsgId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.conversationId = v;
                            else
                                delete m.conversationId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.messageId = v;
                            else
                                delete m.messageId;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.seq = v;
                            else
                                delete m.seq;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.sentAtMs = v;
                            else
                                delete m.sentAtMs;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.duplicate = v;
                            else
                                delete m.duplicate;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for SendAck
             * @function getTypeUrl
             * @memberof switchboard.v1.SendAck
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SendAck.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.SendAck";
            };

            return SendAck;
        })();

        v1.Message = (function() {

            /**
             * Properties of a Message.
             * @typedef {Object} switchboard.v1.Message.$Properties
             * @property {string|null} [messageId] Message messageId
             * @property {string|null} [conversationId] Message conversationId
             * @property {number|null} [seq] Message seq
             * @property {string|null} [senderId] Message senderId
             * @property {string|null} [senderDevice] Message senderDevice
             * @property {string|null} [clientMsgId] Message clientMsgId
             * @property {Uint8Array|null} [body] Message body
             * @property {string|null} [contentType] Message contentType
             * @property {number|null} [sentAtMs] Message sentAtMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Message.
             * @memberof switchboard.v1
             * @interface IMessage
             * @augments switchboard.v1.Message.$Properties
             * @deprecated Use switchboard.v1.Message.$Properties instead.
             */

            /**
             * Shape of a Message.
             * @typedef {switchboard.v1.Message.$Properties} switchboard.v1.Message.$Shape
             */

            /**
             * Constructs a new Message.
             * @memberof switchboard.v1
             * @classdesc Represents a Message.
             * @constructor
             * @param {switchboard.v1.Message.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Message = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Message messageId.
             * @member {string} messageId
             * @memberof switchboard.v1.Message
             * @instance
             */
            Message.prototype.messageId = "";

            /**
             * Message conversationId.
             * @member {string} conversationId
             * @memberof switchboard.v1.Message
             * @instance
             */
            Message.prototype.conversationId = "";

            /**
             * Message seq.
             * @member {number} seq
             * @memberof switchboard.v1.Message
             * @instance
             */
            Message.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Message senderId.
             * @member {string} senderId
             * @memberof switchboard.v1.Message
             * @instance
             */
            Message.prototype.senderId = "";

            /**
             * Message senderDevice.
             * @member {string} senderDevice
             * @memberof switchboard.v1.Message
             * @instance
             */
            Message.prototype.senderDevice = "";

            /**
             * Message clientMsgId.
             * @member {string} clientMsgId
             * @memberof switchboard.v1.Message
             * @instance
             */
            Message.prototype.clientMsgId = "";

            /**
             * Message body.
             * @member {Uint8Array} body
             * @memberof switchboard.v1.Message
             * @instance
             */
            Message.prototype.body = $util.newBuffer([]);

            /**
             * Message contentType.
             * @member {string} contentType
             * @memberof switchboard.v1.Message
             * @instance
             */
            Message.prototype.contentType = "";

            /**
             * Message sentAtMs.
             * @member {number} sentAtMs
             * @memberof switchboard.v1.Message
             * @instance
             */
            Message.prototype.sentAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new Message instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.Message
             * @static
             * @param {switchboard.v1.Message.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.Message} Message instance
             * @type {{
             *   (properties: switchboard.v1.Message.$Shape): switchboard.v1.Message & switchboard.v1.Message.$Shape;
             *   (properties?: switchboard.v1.Message.$Properties): switchboard.v1.Message;
             * }}
             */
            Message.create = function(properties) {
                return new Message(properties);
            };

            /**
             * Encodes the specified Message message. Does not implicitly {@link switchboard.v1.Message.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.Message
             * @static
             * @param {switchboard.v1.Message.$Properties} m Message message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Message.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.messageId != null && $Object.hasOwnProperty.call(m, "messageId") && m.messageId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.messageId);
                if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId") && m.conversationId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.conversationId);
                if (m.seq != null && $Object.hasOwnProperty.call(m, "seq") && (typeof m.seq === "object" ? m.seq.low || m.seq.high : m.seq !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).uint64(m.seq);
                if (m.senderId != null && $Object.hasOwnProperty.call(m, "senderId") && m.senderId !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.senderId);
                if (m.senderDevice != null && $Object.hasOwnProperty.call(m, "senderDevice") && m.senderDevice !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.senderDevice);
                if (m.clientMsgId != null && $Object.hasOwnProperty.call(m, "clientMsgId") && m.clientMsgId !== "")
                    w.uint32(/* id 6, wireType 2 =*/50).string(m.clientMsgId);
                if (m.body != null && $Object.hasOwnProperty.call(m, "body") && m.body.length)
                    w.uint32(/* id 7, wireType 2 =*/58).bytes(m.body);
                if (m.contentType != null && $Object.hasOwnProperty.call(m, "contentType") && m.contentType !== "")
                    w.uint32(/* id 8, wireType 2 =*/66).string(m.contentType);
                if (m.sentAtMs != null && $Object.hasOwnProperty.call(m, "sentAtMs") && (typeof m.sentAtMs === "object" ? m.sentAtMs.low || m.sentAtMs.high : m.sentAtMs !== 0))
                    w.uint32(/* id 9, wireType 0 =*/72).uint64(m.sentAtMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Message message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.Message
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.Message & switchboard.v1.Message.$Shape} Message
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Message.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.Message();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.messageId = v;
                            else
                                delete m.messageId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.conversationId = v;
                            else
                                delete m.conversationId;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.seq = v;
                            else
                                delete m.seq;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.senderId = v;
                            else
                                delete m.senderId;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.senderDevice = v;
                            else
                                delete m.senderDevice;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.clientMsgId = v;
                            else
                                delete m.clientMsgId;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.body = v;
                            else
                                delete m.body;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.contentType = v;
                            else
                                delete m.contentType;
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.sentAtMs = v;
                            else
                                delete m.sentAtMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for Message
             * @function getTypeUrl
             * @memberof switchboard.v1.Message
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Message.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.Message";
            };

            return Message;
        })();

        v1.SyncDone = (function() {

            /**
             * Properties of a SyncDone.
             * @typedef {Object} switchboard.v1.SyncDone.$Properties
             * @property {string|null} [conversationId] SyncDone conversationId
             * @property {number|null} [upToSeq] SyncDone upToSeq
             * @property {boolean|null} [hasMore] SyncDone hasMore
             * @property {number|null} [lastSeq] SyncDone lastSeq
             * @property {number|null} [oldestSeq] SyncDone oldestSeq
             * @property {switchboard.v1.ErrorCode|null} [error] SyncDone error
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SyncDone.
             * @memberof switchboard.v1
             * @interface ISyncDone
             * @augments switchboard.v1.SyncDone.$Properties
             * @deprecated Use switchboard.v1.SyncDone.$Properties instead.
             */

            /**
             * Shape of a SyncDone.
             * @typedef {switchboard.v1.SyncDone.$Properties} switchboard.v1.SyncDone.$Shape
             */

            /**
             * Constructs a new SyncDone.
             * @memberof switchboard.v1
             * @classdesc Represents a SyncDone.
             * @constructor
             * @param {switchboard.v1.SyncDone.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SyncDone = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SyncDone conversationId.
             * @member {string} conversationId
             * @memberof switchboard.v1.SyncDone
             * @instance
             */
            SyncDone.prototype.conversationId = "";

            /**
             * SyncDone upToSeq.
             * @member {number} upToSeq
             * @memberof switchboard.v1.SyncDone
             * @instance
             */
            SyncDone.prototype.upToSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * SyncDone hasMore.
             * @member {boolean} hasMore
             * @memberof switchboard.v1.SyncDone
             * @instance
             */
            SyncDone.prototype.hasMore = false;

            /**
             * SyncDone lastSeq.
             * @member {number} lastSeq
             * @memberof switchboard.v1.SyncDone
             * @instance
             */
            SyncDone.prototype.lastSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * SyncDone oldestSeq.
             * @member {number} oldestSeq
             * @memberof switchboard.v1.SyncDone
             * @instance
             */
            SyncDone.prototype.oldestSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * SyncDone error.
             * @member {switchboard.v1.ErrorCode} error
             * @memberof switchboard.v1.SyncDone
             * @instance
             */
            SyncDone.prototype.error = 0;

            /**
             * Creates a new SyncDone instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.SyncDone
             * @static
             * @param {switchboard.v1.SyncDone.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.SyncDone} SyncDone instance
             * @type {{
             *   (properties: switchboard.v1.SyncDone.$Shape): switchboard.v1.SyncDone & switchboard.v1.SyncDone.$Shape;
             *   (properties?: switchboard.v1.SyncDone.$Properties): switchboard.v1.SyncDone;
             * }}
             */
            SyncDone.create = function(properties) {
                return new SyncDone(properties);
            };

            /**
             * Encodes the specified SyncDone message. Does not implicitly {@link switchboard.v1.SyncDone.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.SyncDone
             * @static
             * @param {switchboard.v1.SyncDone.$Properties} m SyncDone message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SyncDone.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId") && m.conversationId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.conversationId);
                if (m.upToSeq != null && $Object.hasOwnProperty.call(m, "upToSeq") && (typeof m.upToSeq === "object" ? m.upToSeq.low || m.upToSeq.high : m.upToSeq !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).uint64(m.upToSeq);
                if (m.hasMore != null && $Object.hasOwnProperty.call(m, "hasMore") && m.hasMore !== false)
                    w.uint32(/* id 3, wireType 0 =*/24).bool(m.hasMore);
                if (m.lastSeq != null && $Object.hasOwnProperty.call(m, "lastSeq") && (typeof m.lastSeq === "object" ? m.lastSeq.low || m.lastSeq.high : m.lastSeq !== 0))
                    w.uint32(/* id 4, wireType 0 =*/32).uint64(m.lastSeq);
                if (m.oldestSeq != null && $Object.hasOwnProperty.call(m, "oldestSeq") && (typeof m.oldestSeq === "object" ? m.oldestSeq.low || m.oldestSeq.high : m.oldestSeq !== 0))
                    w.uint32(/* id 5, wireType 0 =*/40).uint64(m.oldestSeq);
                if (m.error != null && $Object.hasOwnProperty.call(m, "error") && m.error !== 0)
                    w.uint32(/* id 6, wireType 0 =*/48).int32(m.error);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a SyncDone message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.SyncDone
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.SyncDone & switchboard.v1.SyncDone.$Shape} SyncDone
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SyncDone.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.SyncDone();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.conversationId = v;
                            else
                                delete m.conversationId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.upToSeq = v;
                            else
                                delete m.upToSeq;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.hasMore = v;
                            else
                                delete m.hasMore;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.lastSeq = v;
                            else
                                delete m.lastSeq;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.oldestSeq = v;
                            else
                                delete m.oldestSeq;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.error = v;
                            else
                                delete m.error;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for SyncDone
             * @function getTypeUrl
             * @memberof switchboard.v1.SyncDone
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SyncDone.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.SyncDone";
            };

            return SyncDone;
        })();

        v1.UserPresence = (function() {

            /**
             * Properties of a UserPresence.
             * @typedef {Object} switchboard.v1.UserPresence.$Properties
             * @property {string|null} [userId] UserPresence userId
             * @property {boolean|null} [online] UserPresence online
             * @property {number|null} [sessions] UserPresence sessions
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a UserPresence.
             * @memberof switchboard.v1
             * @interface IUserPresence
             * @augments switchboard.v1.UserPresence.$Properties
             * @deprecated Use switchboard.v1.UserPresence.$Properties instead.
             */

            /**
             * Shape of a UserPresence.
             * @typedef {switchboard.v1.UserPresence.$Properties} switchboard.v1.UserPresence.$Shape
             */

            /**
             * Constructs a new UserPresence.
             * @memberof switchboard.v1
             * @classdesc Represents a UserPresence.
             * @constructor
             * @param {switchboard.v1.UserPresence.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const UserPresence = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * UserPresence userId.
             * @member {string} userId
             * @memberof switchboard.v1.UserPresence
             * @instance
             */
            UserPresence.prototype.userId = "";

            /**
             * UserPresence online.
             * @member {boolean} online
             * @memberof switchboard.v1.UserPresence
             * @instance
             */
            UserPresence.prototype.online = false;

            /**
             * UserPresence sessions.
             * @member {number} sessions
             * @memberof switchboard.v1.UserPresence
             * @instance
             */
            UserPresence.prototype.sessions = 0;

            /**
             * Creates a new UserPresence instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.UserPresence
             * @static
             * @param {switchboard.v1.UserPresence.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.UserPresence} UserPresence instance
             * @type {{
             *   (properties: switchboard.v1.UserPresence.$Shape): switchboard.v1.UserPresence & switchboard.v1.UserPresence.$Shape;
             *   (properties?: switchboard.v1.UserPresence.$Properties): switchboard.v1.UserPresence;
             * }}
             */
            UserPresence.create = function(properties) {
                return new UserPresence(properties);
            };

            /**
             * Encodes the specified UserPresence message. Does not implicitly {@link switchboard.v1.UserPresence.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.UserPresence
             * @static
             * @param {switchboard.v1.UserPresence.$Properties} m UserPresence message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UserPresence.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.userId != null && $Object.hasOwnProperty.call(m, "userId") && m.userId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.userId);
                if (m.online != null && $Object.hasOwnProperty.call(m, "online") && m.online !== false)
                    w.uint32(/* id 2, wireType 0 =*/16).bool(m.online);
                if (m.sessions != null && $Object.hasOwnProperty.call(m, "sessions") && m.sessions !== 0)
                    w.uint32(/* id 3, wireType 0 =*/24).uint32(m.sessions);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a UserPresence message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.UserPresence
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.UserPresence & switchboard.v1.UserPresence.$Shape} UserPresence
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UserPresence.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.UserPresence();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.userId = v;
                            else
                                delete m.userId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.online = v;
                            else
                                delete m.online;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.sessions = v;
                            else
                                delete m.sessions;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for UserPresence
             * @function getTypeUrl
             * @memberof switchboard.v1.UserPresence
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            UserPresence.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.UserPresence";
            };

            return UserPresence;
        })();

        v1.PresenceResult = (function() {

            /**
             * Properties of a PresenceResult.
             * @typedef {Object} switchboard.v1.PresenceResult.$Properties
             * @property {Array.<switchboard.v1.UserPresence.$Properties>|null} [users] PresenceResult users
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PresenceResult.
             * @memberof switchboard.v1
             * @interface IPresenceResult
             * @augments switchboard.v1.PresenceResult.$Properties
             * @deprecated Use switchboard.v1.PresenceResult.$Properties instead.
             */

            /**
             * Shape of a PresenceResult.
             * @typedef {switchboard.v1.PresenceResult.$Properties} switchboard.v1.PresenceResult.$Shape
             */

            /**
             * Constructs a new PresenceResult.
             * @memberof switchboard.v1
             * @classdesc Represents a PresenceResult.
             * @constructor
             * @param {switchboard.v1.PresenceResult.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PresenceResult = function (p) {
                this.users = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * PresenceResult users.
             * @member {Array.<switchboard.v1.UserPresence.$Properties>} users
             * @memberof switchboard.v1.PresenceResult
             * @instance
             */
            PresenceResult.prototype.users = $util.emptyArray;

            /**
             * Creates a new PresenceResult instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.PresenceResult
             * @static
             * @param {switchboard.v1.PresenceResult.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.PresenceResult} PresenceResult instance
             * @type {{
             *   (properties: switchboard.v1.PresenceResult.$Shape): switchboard.v1.PresenceResult & switchboard.v1.PresenceResult.$Shape;
             *   (properties?: switchboard.v1.PresenceResult.$Properties): switchboard.v1.PresenceResult;
             * }}
             */
            PresenceResult.create = function(properties) {
                return new PresenceResult(properties);
            };

            /**
             * Encodes the specified PresenceResult message. Does not implicitly {@link switchboard.v1.PresenceResult.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.PresenceResult
             * @static
             * @param {switchboard.v1.PresenceResult.$Properties} m PresenceResult message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PresenceResult.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.users != null && m.users.length) {
                    for (var i = 0; i < m.users.length; ++i)
                        $root.switchboard.v1.UserPresence.encode(m.users[i], w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a PresenceResult message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.PresenceResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.PresenceResult & switchboard.v1.PresenceResult.$Shape} PresenceResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PresenceResult.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.PresenceResult();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.users && m.users.length))
                                m.users = [];
                            m.users.push($root.switchboard.v1.UserPresence.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for PresenceResult
             * @function getTypeUrl
             * @memberof switchboard.v1.PresenceResult
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PresenceResult.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.PresenceResult";
            };

            return PresenceResult;
        })();

        v1.TypingEvent = (function() {

            /**
             * Properties of a TypingEvent.
             * @typedef {Object} switchboard.v1.TypingEvent.$Properties
             * @property {string|null} [conversationId] TypingEvent conversationId
             * @property {string|null} [userId] TypingEvent userId
             * @property {string|null} [deviceId] TypingEvent deviceId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TypingEvent.
             * @memberof switchboard.v1
             * @interface ITypingEvent
             * @augments switchboard.v1.TypingEvent.$Properties
             * @deprecated Use switchboard.v1.TypingEvent.$Properties instead.
             */

            /**
             * Shape of a TypingEvent.
             * @typedef {switchboard.v1.TypingEvent.$Properties} switchboard.v1.TypingEvent.$Shape
             */

            /**
             * Constructs a new TypingEvent.
             * @memberof switchboard.v1
             * @classdesc Represents a TypingEvent.
             * @constructor
             * @param {switchboard.v1.TypingEvent.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TypingEvent = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * TypingEvent conversationId.
             * @member {string} conversationId
             * @memberof switchboard.v1.TypingEvent
             * @instance
             */
            TypingEvent.prototype.conversationId = "";

            /**
             * TypingEvent userId.
             * @member {string} userId
             * @memberof switchboard.v1.TypingEvent
             * @instance
             */
            TypingEvent.prototype.userId = "";

            /**
             * TypingEvent deviceId.
             * @member {string} deviceId
             * @memberof switchboard.v1.TypingEvent
             * @instance
             */
            TypingEvent.prototype.deviceId = "";

            /**
             * Creates a new TypingEvent instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.TypingEvent
             * @static
             * @param {switchboard.v1.TypingEvent.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.TypingEvent} TypingEvent instance
             * @type {{
             *   (properties: switchboard.v1.TypingEvent.$Shape): switchboard.v1.TypingEvent & switchboard.v1.TypingEvent.$Shape;
             *   (properties?: switchboard.v1.TypingEvent.$Properties): switchboard.v1.TypingEvent;
             * }}
             */
            TypingEvent.create = function(properties) {
                return new TypingEvent(properties);
            };

            /**
             * Encodes the specified TypingEvent message. Does not implicitly {@link switchboard.v1.TypingEvent.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.TypingEvent
             * @static
             * @param {switchboard.v1.TypingEvent.$Properties} m TypingEvent message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TypingEvent.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId") && m.conversationId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.conversationId);
                if (m.userId != null && $Object.hasOwnProperty.call(m, "userId") && m.userId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.userId);
                if (m.deviceId != null && $Object.hasOwnProperty.call(m, "deviceId") && m.deviceId !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.deviceId);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a TypingEvent message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.TypingEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.TypingEvent & switchboard.v1.TypingEvent.$Shape} TypingEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TypingEvent.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.TypingEvent();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.conversationId = v;
                            else
                                delete m.conversationId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.userId = v;
                            else
                                delete m.userId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.deviceId = v;
                            else
                                delete m.deviceId;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for TypingEvent
             * @function getTypeUrl
             * @memberof switchboard.v1.TypingEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            TypingEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.TypingEvent";
            };

            return TypingEvent;
        })();

        v1.GroupResult = (function() {

            /**
             * Properties of a GroupResult.
             * @typedef {Object} switchboard.v1.GroupResult.$Properties
             * @property {string|null} [conversationId] GroupResult conversationId
             * @property {string|null} [name] GroupResult name
             * @property {string|null} [ownerId] GroupResult ownerId
             * @property {Array.<string>|null} [memberIds] GroupResult memberIds
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a GroupResult.
             * @memberof switchboard.v1
             * @interface IGroupResult
             * @augments switchboard.v1.GroupResult.$Properties
             * @deprecated Use switchboard.v1.GroupResult.$Properties instead.
             */

            /**
             * Shape of a GroupResult.
             * @typedef {switchboard.v1.GroupResult.$Properties} switchboard.v1.GroupResult.$Shape
             */

            /**
             * Constructs a new GroupResult.
             * @memberof switchboard.v1
             * @classdesc Represents a GroupResult.
             * @constructor
             * @param {switchboard.v1.GroupResult.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const GroupResult = function (p) {
                this.memberIds = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * GroupResult conversationId.
             * @member {string} conversationId
             * @memberof switchboard.v1.GroupResult
             * @instance
             */
            GroupResult.prototype.conversationId = "";

            /**
             * GroupResult name.
             * @member {string} name
             * @memberof switchboard.v1.GroupResult
             * @instance
             */
            GroupResult.prototype.name = "";

            /**
             * GroupResult ownerId.
             * @member {string} ownerId
             * @memberof switchboard.v1.GroupResult
             * @instance
             */
            GroupResult.prototype.ownerId = "";

            /**
             * GroupResult memberIds.
             * @member {Array.<string>} memberIds
             * @memberof switchboard.v1.GroupResult
             * @instance
             */
            GroupResult.prototype.memberIds = $util.emptyArray;

            /**
             * Creates a new GroupResult instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.GroupResult
             * @static
             * @param {switchboard.v1.GroupResult.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.GroupResult} GroupResult instance
             * @type {{
             *   (properties: switchboard.v1.GroupResult.$Shape): switchboard.v1.GroupResult & switchboard.v1.GroupResult.$Shape;
             *   (properties?: switchboard.v1.GroupResult.$Properties): switchboard.v1.GroupResult;
             * }}
             */
            GroupResult.create = function(properties) {
                return new GroupResult(properties);
            };

            /**
             * Encodes the specified GroupResult message. Does not implicitly {@link switchboard.v1.GroupResult.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.GroupResult
             * @static
             * @param {switchboard.v1.GroupResult.$Properties} m GroupResult message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GroupResult.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId") && m.conversationId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.conversationId);
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.name);
                if (m.ownerId != null && $Object.hasOwnProperty.call(m, "ownerId") && m.ownerId !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.ownerId);
                if (m.memberIds != null && m.memberIds.length) {
                    for (var i = 0; i < m.memberIds.length; ++i)
                        w.uint32(/* id 4, wireType 2 =*/34).string(m.memberIds[i]);
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a GroupResult message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.GroupResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.GroupResult & switchboard.v1.GroupResult.$Shape} GroupResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GroupResult.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.GroupResult();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.conversationId = v;
                            else
                                delete m.conversationId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.ownerId = v;
                            else
                                delete m.ownerId;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if (!(m.memberIds && m.memberIds.length))
                                m.memberIds = [];
                            m.memberIds.push(r.stringVerify());
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for GroupResult
             * @function getTypeUrl
             * @memberof switchboard.v1.GroupResult
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            GroupResult.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.GroupResult";
            };

            return GroupResult;
        })();

        v1.Error = (function() {

            /**
             * Properties of an Error.
             * @typedef {Object} switchboard.v1.Error.$Properties
             * @property {switchboard.v1.ErrorCode|null} [code] Error code
             * @property {string|null} [message] Error message
             * @property {boolean|null} [retryable] Error retryable
             * @property {number|null} [retryAfterMs] Error retryAfterMs
             * @property {string|null} [clientMsgId] Error clientMsgId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Error.
             * @memberof switchboard.v1
             * @interface IError
             * @augments switchboard.v1.Error.$Properties
             * @deprecated Use switchboard.v1.Error.$Properties instead.
             */

            /**
             * Shape of an Error.
             * @typedef {switchboard.v1.Error.$Properties} switchboard.v1.Error.$Shape
             */

            /**
             * Constructs a new Error.
             * @memberof switchboard.v1
             * @classdesc Represents an Error.
             * @constructor
             * @param {switchboard.v1.Error.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Error = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Error code.
             * @member {switchboard.v1.ErrorCode} code
             * @memberof switchboard.v1.Error
             * @instance
             */
            Error.prototype.code = 0;

            /**
             * Error message.
             * @member {string} message
             * @memberof switchboard.v1.Error
             * @instance
             */
            Error.prototype.message = "";

            /**
             * Error retryable.
             * @member {boolean} retryable
             * @memberof switchboard.v1.Error
             * @instance
             */
            Error.prototype.retryable = false;

            /**
             * Error retryAfterMs.
             * @member {number} retryAfterMs
             * @memberof switchboard.v1.Error
             * @instance
             */
            Error.prototype.retryAfterMs = 0;

            /**
             * Error clientMsgId.
             * @member {string} clientMsgId
             * @memberof switchboard.v1.Error
             * @instance
             */
            Error.prototype.clientMsgId = "";

            /**
             * Creates a new Error instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.Error
             * @static
             * @param {switchboard.v1.Error.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.Error} Error instance
             * @type {{
             *   (properties: switchboard.v1.Error.$Shape): switchboard.v1.Error & switchboard.v1.Error.$Shape;
             *   (properties?: switchboard.v1.Error.$Properties): switchboard.v1.Error;
             * }}
             */
            Error.create = function(properties) {
                return new Error(properties);
            };

            /**
             * Encodes the specified Error message. Does not implicitly {@link switchboard.v1.Error.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.Error
             * @static
             * @param {switchboard.v1.Error.$Properties} m Error message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Error.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.code != null && $Object.hasOwnProperty.call(m, "code") && m.code !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).int32(m.code);
                if (m.message != null && $Object.hasOwnProperty.call(m, "message") && m.message !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.message);
                if (m.retryable != null && $Object.hasOwnProperty.call(m, "retryable") && m.retryable !== false)
                    w.uint32(/* id 3, wireType 0 =*/24).bool(m.retryable);
                if (m.retryAfterMs != null && $Object.hasOwnProperty.call(m, "retryAfterMs") && m.retryAfterMs !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).uint32(m.retryAfterMs);
                if (m.clientMsgId != null && $Object.hasOwnProperty.call(m, "clientMsgId") && m.clientMsgId !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.clientMsgId);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an Error message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.Error
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.Error & switchboard.v1.Error.$Shape} Error
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Error.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.Error();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.code = v;
                            else
                                delete m.code;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.message = v;
                            else
                                delete m.message;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.retryable = v;
                            else
                                delete m.retryable;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.retryAfterMs = v;
                            else
                                delete m.retryAfterMs;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.clientMsgId = v;
                            else
                                delete m.clientMsgId;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for Error
             * @function getTypeUrl
             * @memberof switchboard.v1.Error
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Error.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.Error";
            };

            return Error;
        })();

        v1.Pong = (function() {

            /**
             * Properties of a Pong.
             * @typedef {Object} switchboard.v1.Pong.$Properties
             * @property {number|null} [clientTimeMs] Pong clientTimeMs
             * @property {number|null} [serverTimeMs] Pong serverTimeMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Pong.
             * @memberof switchboard.v1
             * @interface IPong
             * @augments switchboard.v1.Pong.$Properties
             * @deprecated Use switchboard.v1.Pong.$Properties instead.
             */

            /**
             * Shape of a Pong.
             * @typedef {switchboard.v1.Pong.$Properties} switchboard.v1.Pong.$Shape
             */

            /**
             * Constructs a new Pong.
             * @memberof switchboard.v1
             * @classdesc Represents a Pong.
             * @constructor
             * @param {switchboard.v1.Pong.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Pong = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Pong clientTimeMs.
             * @member {number} clientTimeMs
             * @memberof switchboard.v1.Pong
             * @instance
             */
            Pong.prototype.clientTimeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Pong serverTimeMs.
             * @member {number} serverTimeMs
             * @memberof switchboard.v1.Pong
             * @instance
             */
            Pong.prototype.serverTimeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new Pong instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.Pong
             * @static
             * @param {switchboard.v1.Pong.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.Pong} Pong instance
             * @type {{
             *   (properties: switchboard.v1.Pong.$Shape): switchboard.v1.Pong & switchboard.v1.Pong.$Shape;
             *   (properties?: switchboard.v1.Pong.$Properties): switchboard.v1.Pong;
             * }}
             */
            Pong.create = function(properties) {
                return new Pong(properties);
            };

            /**
             * Encodes the specified Pong message. Does not implicitly {@link switchboard.v1.Pong.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.Pong
             * @static
             * @param {switchboard.v1.Pong.$Properties} m Pong message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Pong.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.clientTimeMs != null && $Object.hasOwnProperty.call(m, "clientTimeMs") && (typeof m.clientTimeMs === "object" ? m.clientTimeMs.low || m.clientTimeMs.high : m.clientTimeMs !== 0))
                    w.uint32(/* id 1, wireType 0 =*/8).uint64(m.clientTimeMs);
                if (m.serverTimeMs != null && $Object.hasOwnProperty.call(m, "serverTimeMs") && (typeof m.serverTimeMs === "object" ? m.serverTimeMs.low || m.serverTimeMs.high : m.serverTimeMs !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).uint64(m.serverTimeMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Pong message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.Pong
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.Pong & switchboard.v1.Pong.$Shape} Pong
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Pong.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.Pong();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.clientTimeMs = v;
                            else
                                delete m.clientTimeMs;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.serverTimeMs = v;
                            else
                                delete m.serverTimeMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for Pong
             * @function getTypeUrl
             * @memberof switchboard.v1.Pong
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Pong.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.Pong";
            };

            return Pong;
        })();

        v1.GoAway = (function() {

            /**
             * Properties of a GoAway.
             * @typedef {Object} switchboard.v1.GoAway.$Properties
             * @property {string|null} [reason] GoAway reason
             * @property {number|null} [reconnectAfterMs] GoAway reconnectAfterMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a GoAway.
             * @memberof switchboard.v1
             * @interface IGoAway
             * @augments switchboard.v1.GoAway.$Properties
             * @deprecated Use switchboard.v1.GoAway.$Properties instead.
             */

            /**
             * Shape of a GoAway.
             * @typedef {switchboard.v1.GoAway.$Properties} switchboard.v1.GoAway.$Shape
             */

            /**
             * Constructs a new GoAway.
             * @memberof switchboard.v1
             * @classdesc Represents a GoAway.
             * @constructor
             * @param {switchboard.v1.GoAway.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const GoAway = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * GoAway reason.
             * @member {string} reason
             * @memberof switchboard.v1.GoAway
             * @instance
             */
            GoAway.prototype.reason = "";

            /**
             * GoAway reconnectAfterMs.
             * @member {number} reconnectAfterMs
             * @memberof switchboard.v1.GoAway
             * @instance
             */
            GoAway.prototype.reconnectAfterMs = 0;

            /**
             * Creates a new GoAway instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.GoAway
             * @static
             * @param {switchboard.v1.GoAway.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.GoAway} GoAway instance
             * @type {{
             *   (properties: switchboard.v1.GoAway.$Shape): switchboard.v1.GoAway & switchboard.v1.GoAway.$Shape;
             *   (properties?: switchboard.v1.GoAway.$Properties): switchboard.v1.GoAway;
             * }}
             */
            GoAway.create = function(properties) {
                return new GoAway(properties);
            };

            /**
             * Encodes the specified GoAway message. Does not implicitly {@link switchboard.v1.GoAway.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.GoAway
             * @static
             * @param {switchboard.v1.GoAway.$Properties} m GoAway message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GoAway.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.reason);
                if (m.reconnectAfterMs != null && $Object.hasOwnProperty.call(m, "reconnectAfterMs") && m.reconnectAfterMs !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).uint32(m.reconnectAfterMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a GoAway message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.GoAway
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.GoAway & switchboard.v1.GoAway.$Shape} GoAway
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GoAway.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.GoAway();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.reason = v;
                            else
                                delete m.reason;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.reconnectAfterMs = v;
                            else
                                delete m.reconnectAfterMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for GoAway
             * @function getTypeUrl
             * @memberof switchboard.v1.GoAway
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            GoAway.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.GoAway";
            };

            return GoAway;
        })();

        v1.AckResult = (function() {

            /**
             * Properties of an AckResult.
             * @typedef {Object} switchboard.v1.AckResult.$Properties
             * @property {string|null} [conversationId] AckResult conversationId
             * @property {number|null} [seq] AckResult seq
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AckResult.
             * @memberof switchboard.v1
             * @interface IAckResult
             * @augments switchboard.v1.AckResult.$Properties
             * @deprecated Use switchboard.v1.AckResult.$Properties instead.
             */

            /**
             * Shape of an AckResult.
             * @typedef {switchboard.v1.AckResult.$Properties} switchboard.v1.AckResult.$Shape
             */

            /**
             * Constructs a new AckResult.
             * @memberof switchboard.v1
             * @classdesc Represents an AckResult.
             * @constructor
             * @param {switchboard.v1.AckResult.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AckResult = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * AckResult conversationId.
             * @member {string} conversationId
             * @memberof switchboard.v1.AckResult
             * @instance
             */
            AckResult.prototype.conversationId = "";

            /**
             * AckResult seq.
             * @member {number} seq
             * @memberof switchboard.v1.AckResult
             * @instance
             */
            AckResult.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new AckResult instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.AckResult
             * @static
             * @param {switchboard.v1.AckResult.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.AckResult} AckResult instance
             * @type {{
             *   (properties: switchboard.v1.AckResult.$Shape): switchboard.v1.AckResult & switchboard.v1.AckResult.$Shape;
             *   (properties?: switchboard.v1.AckResult.$Properties): switchboard.v1.AckResult;
             * }}
             */
            AckResult.create = function(properties) {
                return new AckResult(properties);
            };

            /**
             * Encodes the specified AckResult message. Does not implicitly {@link switchboard.v1.AckResult.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.AckResult
             * @static
             * @param {switchboard.v1.AckResult.$Properties} m AckResult message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AckResult.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId") && m.conversationId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.conversationId);
                if (m.seq != null && $Object.hasOwnProperty.call(m, "seq") && (typeof m.seq === "object" ? m.seq.low || m.seq.high : m.seq !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).uint64(m.seq);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an AckResult message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.AckResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.AckResult & switchboard.v1.AckResult.$Shape} AckResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AckResult.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.AckResult();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.conversationId = v;
                            else
                                delete m.conversationId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.seq = v;
                            else
                                delete m.seq;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for AckResult
             * @function getTypeUrl
             * @memberof switchboard.v1.AckResult
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AckResult.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.AckResult";
            };

            return AckResult;
        })();

        v1.Envelope = (function() {

            /**
             * Properties of an Envelope.
             * @typedef {Object} switchboard.v1.Envelope.$Properties
             * @property {Array.<string>|null} [userIds] Envelope userIds
             * @property {Uint8Array|null} [frame] Envelope frame
             * @property {switchboard.v1.EnvelopeKind|null} [kind] Envelope kind
             * @property {string|null} [conversationId] Envelope conversationId
             * @property {number|null} [seq] Envelope seq
             * @property {string|null} [excludeSession] Envelope excludeSession
             * @property {string|null} [originNode] Envelope originNode
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Envelope.
             * @memberof switchboard.v1
             * @interface IEnvelope
             * @augments switchboard.v1.Envelope.$Properties
             * @deprecated Use switchboard.v1.Envelope.$Properties instead.
             */

            /**
             * Shape of an Envelope.
             * @typedef {switchboard.v1.Envelope.$Properties} switchboard.v1.Envelope.$Shape
             */

            /**
             * Constructs a new Envelope.
             * @memberof switchboard.v1
             * @classdesc Represents an Envelope.
             * @constructor
             * @param {switchboard.v1.Envelope.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Envelope = function (p) {
                this.userIds = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Envelope userIds.
             * @member {Array.<string>} userIds
             * @memberof switchboard.v1.Envelope
             * @instance
             */
            Envelope.prototype.userIds = $util.emptyArray;

            /**
             * Envelope frame.
             * @member {Uint8Array} frame
             * @memberof switchboard.v1.Envelope
             * @instance
             */
            Envelope.prototype.frame = $util.newBuffer([]);

            /**
             * Envelope kind.
             * @member {switchboard.v1.EnvelopeKind} kind
             * @memberof switchboard.v1.Envelope
             * @instance
             */
            Envelope.prototype.kind = 0;

            /**
             * Envelope conversationId.
             * @member {string} conversationId
             * @memberof switchboard.v1.Envelope
             * @instance
             */
            Envelope.prototype.conversationId = "";

            /**
             * Envelope seq.
             * @member {number} seq
             * @memberof switchboard.v1.Envelope
             * @instance
             */
            Envelope.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Envelope excludeSession.
             * @member {string} excludeSession
             * @memberof switchboard.v1.Envelope
             * @instance
             */
            Envelope.prototype.excludeSession = "";

            /**
             * Envelope originNode.
             * @member {string} originNode
             * @memberof switchboard.v1.Envelope
             * @instance
             */
            Envelope.prototype.originNode = "";

            /**
             * Creates a new Envelope instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.Envelope
             * @static
             * @param {switchboard.v1.Envelope.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.Envelope} Envelope instance
             * @type {{
             *   (properties: switchboard.v1.Envelope.$Shape): switchboard.v1.Envelope & switchboard.v1.Envelope.$Shape;
             *   (properties?: switchboard.v1.Envelope.$Properties): switchboard.v1.Envelope;
             * }}
             */
            Envelope.create = function(properties) {
                return new Envelope(properties);
            };

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link switchboard.v1.Envelope.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.Envelope
             * @static
             * @param {switchboard.v1.Envelope.$Properties} m Envelope message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Envelope.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.userIds != null && m.userIds.length) {
                    for (var i = 0; i < m.userIds.length; ++i)
                        w.uint32(/* id 1, wireType 2 =*/10).string(m.userIds[i]);
                }
                if (m.frame != null && $Object.hasOwnProperty.call(m, "frame") && m.frame.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.frame);
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind") && m.kind !== 0)
                    w.uint32(/* id 3, wireType 0 =*/24).int32(m.kind);
                if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId") && m.conversationId !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.conversationId);
                if (m.seq != null && $Object.hasOwnProperty.call(m, "seq") && (typeof m.seq === "object" ? m.seq.low || m.seq.high : m.seq !== 0))
                    w.uint32(/* id 5, wireType 0 =*/40).uint64(m.seq);
                if (m.excludeSession != null && $Object.hasOwnProperty.call(m, "excludeSession") && m.excludeSession !== "")
                    w.uint32(/* id 6, wireType 2 =*/50).string(m.excludeSession);
                if (m.originNode != null && $Object.hasOwnProperty.call(m, "originNode") && m.originNode !== "")
                    w.uint32(/* id 7, wireType 2 =*/58).string(m.originNode);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.Envelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.Envelope & switchboard.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Envelope.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.Envelope();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.userIds && m.userIds.length))
                                m.userIds = [];
                            m.userIds.push(r.stringVerify());
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.frame = v;
                            else
                                delete m.frame;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.kind = v;
                            else
                                delete m.kind;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.conversationId = v;
                            else
                                delete m.conversationId;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.seq = v;
                            else
                                delete m.seq;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.excludeSession = v;
                            else
                                delete m.excludeSession;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.originNode = v;
                            else
                                delete m.originNode;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for Envelope
             * @function getTypeUrl
             * @memberof switchboard.v1.Envelope
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Envelope.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.Envelope";
            };

            return Envelope;
        })();

        v1.EnvelopeBatch = (function() {

            /**
             * Properties of an EnvelopeBatch.
             * @typedef {Object} switchboard.v1.EnvelopeBatch.$Properties
             * @property {Array.<Uint8Array>|null} [envelopes] EnvelopeBatch envelopes
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EnvelopeBatch.
             * @memberof switchboard.v1
             * @interface IEnvelopeBatch
             * @augments switchboard.v1.EnvelopeBatch.$Properties
             * @deprecated Use switchboard.v1.EnvelopeBatch.$Properties instead.
             */

            /**
             * Shape of an EnvelopeBatch.
             * @typedef {switchboard.v1.EnvelopeBatch.$Properties} switchboard.v1.EnvelopeBatch.$Shape
             */

            /**
             * Constructs a new EnvelopeBatch.
             * @memberof switchboard.v1
             * @classdesc Represents an EnvelopeBatch.
             * @constructor
             * @param {switchboard.v1.EnvelopeBatch.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EnvelopeBatch = function (p) {
                this.envelopes = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * EnvelopeBatch envelopes.
             * @member {Array.<Uint8Array>} envelopes
             * @memberof switchboard.v1.EnvelopeBatch
             * @instance
             */
            EnvelopeBatch.prototype.envelopes = $util.emptyArray;

            /**
             * Creates a new EnvelopeBatch instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.EnvelopeBatch
             * @static
             * @param {switchboard.v1.EnvelopeBatch.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.EnvelopeBatch} EnvelopeBatch instance
             * @type {{
             *   (properties: switchboard.v1.EnvelopeBatch.$Shape): switchboard.v1.EnvelopeBatch & switchboard.v1.EnvelopeBatch.$Shape;
             *   (properties?: switchboard.v1.EnvelopeBatch.$Properties): switchboard.v1.EnvelopeBatch;
             * }}
             */
            EnvelopeBatch.create = function(properties) {
                return new EnvelopeBatch(properties);
            };

            /**
             * Encodes the specified EnvelopeBatch message. Does not implicitly {@link switchboard.v1.EnvelopeBatch.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.EnvelopeBatch
             * @static
             * @param {switchboard.v1.EnvelopeBatch.$Properties} m EnvelopeBatch message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EnvelopeBatch.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.envelopes != null && m.envelopes.length) {
                    for (var i = 0; i < m.envelopes.length; ++i)
                        w.uint32(/* id 1, wireType 2 =*/10).bytes(m.envelopes[i]);
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an EnvelopeBatch message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.EnvelopeBatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.EnvelopeBatch & switchboard.v1.EnvelopeBatch.$Shape} EnvelopeBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EnvelopeBatch.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.EnvelopeBatch();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.envelopes && m.envelopes.length))
                                m.envelopes = [];
                            m.envelopes.push(r.bytes());
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for EnvelopeBatch
             * @function getTypeUrl
             * @memberof switchboard.v1.EnvelopeBatch
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EnvelopeBatch.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.EnvelopeBatch";
            };

            return EnvelopeBatch;
        })();

        /**
         * EnvelopeKind enum.
         * @name switchboard.v1.EnvelopeKind
         * @enum {number}
         * @property {number} ENVELOPE_KIND_MESSAGE=0 ENVELOPE_KIND_MESSAGE value
         * @property {number} ENVELOPE_KIND_EPHEMERAL=1 ENVELOPE_KIND_EPHEMERAL value
         * @property {number} ENVELOPE_KIND_CONTROL=2 ENVELOPE_KIND_CONTROL value
         */
        v1.EnvelopeKind = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "ENVELOPE_KIND_MESSAGE"] = 0;
            values[valuesById[1] = "ENVELOPE_KIND_EPHEMERAL"] = 1;
            values[valuesById[2] = "ENVELOPE_KIND_CONTROL"] = 2;
            return values;
        })();

        v1.StoredMessageRecord = (function() {

            /**
             * Properties of a StoredMessageRecord.
             * @typedef {Object} switchboard.v1.StoredMessageRecord.$Properties
             * @property {number|null} [sentAtMs] StoredMessageRecord sentAtMs
             * @property {number|null} [seq] StoredMessageRecord seq
             * @property {string|null} [messageId] StoredMessageRecord messageId
             * @property {string|null} [senderId] StoredMessageRecord senderId
             * @property {string|null} [senderDevice] StoredMessageRecord senderDevice
             * @property {string|null} [clientMsgId] StoredMessageRecord clientMsgId
             * @property {Uint8Array|null} [body] StoredMessageRecord body
             * @property {string|null} [contentType] StoredMessageRecord contentType
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StoredMessageRecord.
             * @memberof switchboard.v1
             * @interface IStoredMessageRecord
             * @augments switchboard.v1.StoredMessageRecord.$Properties
             * @deprecated Use switchboard.v1.StoredMessageRecord.$Properties instead.
             */

            /**
             * Shape of a StoredMessageRecord.
             * @typedef {switchboard.v1.StoredMessageRecord.$Properties} switchboard.v1.StoredMessageRecord.$Shape
             */

            /**
             * Constructs a new StoredMessageRecord.
             * @memberof switchboard.v1
             * @classdesc Represents a StoredMessageRecord.
             * @constructor
             * @param {switchboard.v1.StoredMessageRecord.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StoredMessageRecord = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * StoredMessageRecord sentAtMs.
             * @member {number} sentAtMs
             * @memberof switchboard.v1.StoredMessageRecord
             * @instance
             */
            StoredMessageRecord.prototype.sentAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * StoredMessageRecord seq.
             * @member {number} seq
             * @memberof switchboard.v1.StoredMessageRecord
             * @instance
             */
            StoredMessageRecord.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * StoredMessageRecord messageId.
             * @member {string} messageId
             * @memberof switchboard.v1.StoredMessageRecord
             * @instance
             */
            StoredMessageRecord.prototype.messageId = "";

            /**
             * StoredMessageRecord senderId.
             * @member {string} senderId
             * @memberof switchboard.v1.StoredMessageRecord
             * @instance
             */
            StoredMessageRecord.prototype.senderId = "";

            /**
             * StoredMessageRecord senderDevice.
             * @member {string} senderDevice
             * @memberof switchboard.v1.StoredMessageRecord
             * @instance
             */
            StoredMessageRecord.prototype.senderDevice = "";

            /**
             * StoredMessageRecord clientMsgId.
             * @member {string} clientMsgId
             * @memberof switchboard.v1.StoredMessageRecord
             * @instance
             */
            StoredMessageRecord.prototype.clientMsgId = "";

            /**
             * StoredMessageRecord body.
             * @member {Uint8Array} body
             * @memberof switchboard.v1.StoredMessageRecord
             * @instance
             */
            StoredMessageRecord.prototype.body = $util.newBuffer([]);

            /**
             * StoredMessageRecord contentType.
             * @member {string} contentType
             * @memberof switchboard.v1.StoredMessageRecord
             * @instance
             */
            StoredMessageRecord.prototype.contentType = "";

            /**
             * Creates a new StoredMessageRecord instance using the specified properties.
             * @function create
             * @memberof switchboard.v1.StoredMessageRecord
             * @static
             * @param {switchboard.v1.StoredMessageRecord.$Properties=} [properties] Properties to set
             * @returns {switchboard.v1.StoredMessageRecord} StoredMessageRecord instance
             * @type {{
             *   (properties: switchboard.v1.StoredMessageRecord.$Shape): switchboard.v1.StoredMessageRecord & switchboard.v1.StoredMessageRecord.$Shape;
             *   (properties?: switchboard.v1.StoredMessageRecord.$Properties): switchboard.v1.StoredMessageRecord;
             * }}
             */
            StoredMessageRecord.create = function(properties) {
                return new StoredMessageRecord(properties);
            };

            /**
             * Encodes the specified StoredMessageRecord message. Does not implicitly {@link switchboard.v1.StoredMessageRecord.verify|verify} messages.
             * @function encode
             * @memberof switchboard.v1.StoredMessageRecord
             * @static
             * @param {switchboard.v1.StoredMessageRecord.$Properties} m StoredMessageRecord message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StoredMessageRecord.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.sentAtMs != null && $Object.hasOwnProperty.call(m, "sentAtMs") && (typeof m.sentAtMs === "object" ? m.sentAtMs.low || m.sentAtMs.high : m.sentAtMs !== 0))
                    w.uint32(/* id 1, wireType 1 =*/9).fixed64(m.sentAtMs);
                if (m.seq != null && $Object.hasOwnProperty.call(m, "seq") && (typeof m.seq === "object" ? m.seq.low || m.seq.high : m.seq !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).uint64(m.seq);
                if (m.messageId != null && $Object.hasOwnProperty.call(m, "messageId") && m.messageId !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.messageId);
                if (m.senderId != null && $Object.hasOwnProperty.call(m, "senderId") && m.senderId !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.senderId);
                if (m.senderDevice != null && $Object.hasOwnProperty.call(m, "senderDevice") && m.senderDevice !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.senderDevice);
                if (m.clientMsgId != null && $Object.hasOwnProperty.call(m, "clientMsgId") && m.clientMsgId !== "")
                    w.uint32(/* id 6, wireType 2 =*/50).string(m.clientMsgId);
                if (m.body != null && $Object.hasOwnProperty.call(m, "body") && m.body.length)
                    w.uint32(/* id 7, wireType 2 =*/58).bytes(m.body);
                if (m.contentType != null && $Object.hasOwnProperty.call(m, "contentType") && m.contentType !== "")
                    w.uint32(/* id 8, wireType 2 =*/66).string(m.contentType);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a StoredMessageRecord message from the specified reader or buffer.
             * @function decode
             * @memberof switchboard.v1.StoredMessageRecord
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {switchboard.v1.StoredMessageRecord & switchboard.v1.StoredMessageRecord.$Shape} StoredMessageRecord
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StoredMessageRecord.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.switchboard.v1.StoredMessageRecord();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 1)
                                break;
                            if (typeof (v = r.fixed64()) === "object" ? v.low || v.high : v !== 0)
                                m.sentAtMs = v;
                            else
                                delete m.sentAtMs;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.seq = v;
                            else
                                delete m.seq;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.messageId = v;
                            else
                                delete m.messageId;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.senderId = v;
                            else
                                delete m.senderId;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.senderDevice = v;
                            else
                                delete m.senderDevice;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.clientMsgId = v;
                            else
                                delete m.clientMsgId;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.body = v;
                            else
                                delete m.body;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.contentType = v;
                            else
                                delete m.contentType;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Gets the type url for StoredMessageRecord
             * @function getTypeUrl
             * @memberof switchboard.v1.StoredMessageRecord
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            StoredMessageRecord.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/switchboard.v1.StoredMessageRecord";
            };

            return StoredMessageRecord;
        })();

        return v1;
    })();

    return switchboard;
})();

export {
  $root as default
};
