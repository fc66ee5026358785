import * as $protobuf from "protobufjs";

/** Namespace switchboard. */
export namespace switchboard {

    /** Namespace v1. */
    namespace v1 {

        /** ErrorCode enum. */
        enum ErrorCode {

            /** ERROR_CODE_UNSPECIFIED value */
            ERROR_CODE_UNSPECIFIED = 0,

            /** BAD_FRAME value */
            BAD_FRAME = 1,

            /** UNKNOWN_FRAME value */
            UNKNOWN_FRAME = 2,

            /** INVALID_ARGUMENT value */
            INVALID_ARGUMENT = 3,

            /** FRAME_TOO_LARGE value */
            FRAME_TOO_LARGE = 4,

            /** RATE_LIMITED value */
            RATE_LIMITED = 5,

            /** FORBIDDEN value */
            FORBIDDEN = 6,

            /** NOT_FOUND value */
            NOT_FOUND = 7,

            /** GROUP_FULL value */
            GROUP_FULL = 8,

            /** UNAVAILABLE value */
            UNAVAILABLE = 9,

            /** OVERLOADED value */
            OVERLOADED = 10,

            /** INTERNAL value */
            INTERNAL = 11,

            /** CONFLICT value */
            CONFLICT = 12,

            /** UNAUTHORIZED value */
            UNAUTHORIZED = 13
        }

        /** CloseCode enum. */
        enum CloseCode {

            /** CLOSE_CODE_UNSPECIFIED value */
            CLOSE_CODE_UNSPECIFIED = 0,

            /** GOING_AWAY value */
            GOING_AWAY = 4000,

            /** IDLE_TIMEOUT value */
            IDLE_TIMEOUT = 4001,

            /** TOKEN_EXPIRED value */
            TOKEN_EXPIRED = 4002,

            /** SLOW_CONSUMER value */
            SLOW_CONSUMER = 4003,

            /** SERVER_OVERLOADED value */
            SERVER_OVERLOADED = 4004,

            /** BACKEND_UNAVAILABLE value */
            BACKEND_UNAVAILABLE = 4005,

            /** BAD_TOKEN value */
            BAD_TOKEN = 4100,

            /** FORBIDDEN_CLOSE value */
            FORBIDDEN_CLOSE = 4101,

            /** PROTOCOL_VIOLATION value */
            PROTOCOL_VIOLATION = 4102,

            /** SESSION_REPLACED value */
            SESSION_REPLACED = 4103
        }

        /**
         * Properties of a ClientFrame.
         * @deprecated Use switchboard.v1.ClientFrame.$Properties instead.
         */
        interface IClientFrame extends switchboard.v1.ClientFrame.$Properties {
        }

        /** Represents a ClientFrame. */
        class ClientFrame {

            /**
             * Constructs a new ClientFrame.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.ClientFrame.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClientFrame reqId. */
            reqId: number;

            /** ClientFrame send. */
            send?: (switchboard.v1.SendMessage.$Properties|null);

            /** ClientFrame ack. */
            ack?: (switchboard.v1.AckDelivery.$Properties|null);

            /** ClientFrame sync. */
            sync?: (switchboard.v1.SyncRequest.$Properties|null);

            /** ClientFrame presence. */
            presence?: (switchboard.v1.PresenceRequest.$Properties|null);

            /** ClientFrame typing. */
            typing?: (switchboard.v1.Typing.$Properties|null);

            /** ClientFrame createGroup. */
            createGroup?: (switchboard.v1.CreateGroup.$Properties|null);

            /** ClientFrame addMembers. */
            addMembers?: (switchboard.v1.AddMembers.$Properties|null);

            /** ClientFrame removeMembers. */
            removeMembers?: (switchboard.v1.RemoveMembers.$Properties|null);

            /** ClientFrame leaveGroup. */
            leaveGroup?: (switchboard.v1.LeaveGroup.$Properties|null);

            /** ClientFrame ping. */
            ping?: (switchboard.v1.Ping.$Properties|null);

            /** ClientFrame body. */
            body?: ("send"|"ack"|"sync"|"presence"|"typing"|"createGroup"|"addMembers"|"removeMembers"|"leaveGroup"|"ping");

            /**
             * Creates a new ClientFrame instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClientFrame instance
             */
            static create(properties: switchboard.v1.ClientFrame.$Shape): switchboard.v1.ClientFrame & switchboard.v1.ClientFrame.$Shape;
            static create(properties?: switchboard.v1.ClientFrame.$Properties): switchboard.v1.ClientFrame;

            /**
             * Encodes the specified ClientFrame message. Does not implicitly {@link switchboard.v1.ClientFrame.verify|verify} messages.
             * @param m ClientFrame message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.ClientFrame.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClientFrame message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.ClientFrame & switchboard.v1.ClientFrame.$Shape} ClientFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.ClientFrame & switchboard.v1.ClientFrame.$Shape;

            /**
             * Gets the type url for ClientFrame
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClientFrame {

            /** Properties of a ClientFrame. */
            interface $Properties {

                /** ClientFrame reqId */
                reqId?: (number|null);

                /** ClientFrame send */
                send?: (switchboard.v1.SendMessage.$Properties|null);

                /** ClientFrame ack */
                ack?: (switchboard.v1.AckDelivery.$Properties|null);

                /** ClientFrame sync */
                sync?: (switchboard.v1.SyncRequest.$Properties|null);

                /** ClientFrame presence */
                presence?: (switchboard.v1.PresenceRequest.$Properties|null);

                /** ClientFrame typing */
                typing?: (switchboard.v1.Typing.$Properties|null);

                /** ClientFrame createGroup */
                createGroup?: (switchboard.v1.CreateGroup.$Properties|null);

                /** ClientFrame addMembers */
                addMembers?: (switchboard.v1.AddMembers.$Properties|null);

                /** ClientFrame removeMembers */
                removeMembers?: (switchboard.v1.RemoveMembers.$Properties|null);

                /** ClientFrame leaveGroup */
                leaveGroup?: (switchboard.v1.LeaveGroup.$Properties|null);

                /** ClientFrame ping */
                ping?: (switchboard.v1.Ping.$Properties|null);

                /** ClientFrame body */
                body?: ("send"|"ack"|"sync"|"presence"|"typing"|"createGroup"|"addMembers"|"removeMembers"|"leaveGroup"|"ping");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a ClientFrame. */
            type $Shape = {
              reqId?: number|null;
              send?: switchboard.v1.SendMessage.$Shape|null;
              ack?: switchboard.v1.AckDelivery.$Shape|null;
              sync?: switchboard.v1.SyncRequest.$Shape|null;
              presence?: switchboard.v1.PresenceRequest.$Shape|null;
              typing?: switchboard.v1.Typing.$Shape|null;
              createGroup?: switchboard.v1.CreateGroup.$Shape|null;
              addMembers?: switchboard.v1.AddMembers.$Shape|null;
              removeMembers?: switchboard.v1.RemoveMembers.$Shape|null;
              leaveGroup?: switchboard.v1.LeaveGroup.$Shape|null;
              ping?: switchboard.v1.Ping.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; send?: null; ack?: null; sync?: null; presence?: null; typing?: null; createGroup?: null; addMembers?: null; removeMembers?: null; leaveGroup?: null; ping?: null }|{ body?: "send"; send: switchboard.v1.SendMessage.$Shape; ack?: null; sync?: null; presence?: null; typing?: null; createGroup?: null; addMembers?: null; removeMembers?: null; leaveGroup?: null; ping?: null }|{ body?: "ack"; send?: null; ack: switchboard.v1.AckDelivery.$Shape; sync?: null; presence?: null; typing?: null; createGroup?: null; addMembers?: null; removeMembers?: null; leaveGroup?: null; ping?: null }|{ body?: "sync"; send?: null; ack?: null; sync: switchboard.v1.SyncRequest.$Shape; presence?: null; typing?: null; createGroup?: null; addMembers?: null; removeMembers?: null; leaveGroup?: null; ping?: null }|{ body?: "presence"; send?: null; ack?: null; sync?: null; presence: switchboard.v1.PresenceRequest.$Shape; typing?: null; createGroup?: null; addMembers?: null; removeMembers?: null; leaveGroup?: null; ping?: null }|{ body?: "typing"; send?: null; ack?: null; sync?: null; presence?: null; typing: switchboard.v1.Typing.$Shape; createGroup?: null; addMembers?: null; removeMembers?: null; leaveGroup?: null; ping?: null }|{ body?: "createGroup"; send?: null; ack?: null; sync?: null; presence?: null; typing?: null; createGroup: switchboard.v1.CreateGroup.$Shape; addMembers?: null; removeMembers?: null; leaveGroup?: null; ping?: null }|{ body?: "addMembers"; send?: null; ack?: null; sync?: null; presence?: null; typing?: null; createGroup?: null; addMembers: switchboard.v1.AddMembers.$Shape; removeMembers?: null; leaveGroup?: null; ping?: null }|{ body?: "removeMembers"; send?: null; ack?: null; sync?: null; presence?: null; typing?: null; createGroup?: null; addMembers?: null; removeMembers: switchboard.v1.RemoveMembers.$Shape; leaveGroup?: null; ping?: null }|{ body?: "leaveGroup"; send?: null; ack?: null; sync?: null; presence?: null; typing?: null; createGroup?: null; addMembers?: null; removeMembers?: null; leaveGroup: switchboard.v1.LeaveGroup.$Shape; ping?: null }|{ body?: "ping"; send?: null; ack?: null; sync?: null; presence?: null; typing?: null; createGroup?: null; addMembers?: null; removeMembers?: null; leaveGroup?: null; ping: switchboard.v1.Ping.$Shape })
            );
        }

        /**
         * Properties of a SendMessage.
         * @deprecated Use switchboard.v1.SendMessage.$Properties instead.
         */
        interface ISendMessage extends switchboard.v1.SendMessage.$Properties {
        }

        /** Represents a SendMessage. */
        class SendMessage {

            /**
             * Constructs a new SendMessage.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.SendMessage.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SendMessage clientMsgId. */
            clientMsgId: string;

            /** SendMessage conversationId. */
            conversationId: string;

            /** SendMessage body. */
            body: Uint8Array;

            /** SendMessage contentType. */
            contentType: string;

            /**
             * Creates a new SendMessage instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SendMessage instance
             */
            static create(properties: switchboard.v1.SendMessage.$Shape): switchboard.v1.SendMessage & switchboard.v1.SendMessage.$Shape;
            static create(properties?: switchboard.v1.SendMessage.$Properties): switchboard.v1.SendMessage;

            /**
             * Encodes the specified SendMessage message. Does not implicitly {@link switchboard.v1.SendMessage.verify|verify} messages.
             * @param m SendMessage message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.SendMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SendMessage message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.SendMessage & switchboard.v1.SendMessage.$Shape} SendMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.SendMessage & switchboard.v1.SendMessage.$Shape;

            /**
             * Gets the type url for SendMessage
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SendMessage {

            /** Properties of a SendMessage. */
            interface $Properties {

                /** SendMessage clientMsgId */
                clientMsgId?: (string|null);

                /** SendMessage conversationId */
                conversationId?: (string|null);

                /** SendMessage body */
                body?: (Uint8Array|null);

                /** SendMessage contentType */
                contentType?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SendMessage. */
            type $Shape = switchboard.v1.SendMessage.$Properties;
        }

        /**
         * Properties of an AckDelivery.
         * @deprecated Use switchboard.v1.AckDelivery.$Properties instead.
         */
        interface IAckDelivery extends switchboard.v1.AckDelivery.$Properties {
        }

        /** Represents an AckDelivery. */
        class AckDelivery {

            /**
             * Constructs a new AckDelivery.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.AckDelivery.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AckDelivery conversationId. */
            conversationId: string;

            /** AckDelivery seq. */
            seq: number;

            /**
             * Creates a new AckDelivery instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AckDelivery instance
             */
            static create(properties: switchboard.v1.AckDelivery.$Shape): switchboard.v1.AckDelivery & switchboard.v1.AckDelivery.$Shape;
            static create(properties?: switchboard.v1.AckDelivery.$Properties): switchboard.v1.AckDelivery;

            /**
             * Encodes the specified AckDelivery message. Does not implicitly {@link switchboard.v1.AckDelivery.verify|verify} messages.
             * @param m AckDelivery message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.AckDelivery.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AckDelivery message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.AckDelivery & switchboard.v1.AckDelivery.$Shape} AckDelivery
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.AckDelivery & switchboard.v1.AckDelivery.$Shape;

            /**
             * Gets the type url for AckDelivery
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace AckDelivery {

            /** Properties of an AckDelivery. */
            interface $Properties {

                /** AckDelivery conversationId */
                conversationId?: (string|null);

                /** AckDelivery seq */
                seq?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AckDelivery. */
            type $Shape = switchboard.v1.AckDelivery.$Properties;
        }

        /**
         * Properties of a SyncCursor.
         * @deprecated Use switchboard.v1.SyncCursor.$Properties instead.
         */
        interface ISyncCursor extends switchboard.v1.SyncCursor.$Properties {
        }

        /** Represents a SyncCursor. */
        class SyncCursor {

            /**
             * Constructs a new SyncCursor.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.SyncCursor.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SyncCursor conversationId. */
            conversationId: string;

            /** SyncCursor afterSeq. */
            afterSeq: number;

            /**
             * Creates a new SyncCursor instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SyncCursor instance
             */
            static create(properties: switchboard.v1.SyncCursor.$Shape): switchboard.v1.SyncCursor & switchboard.v1.SyncCursor.$Shape;
            static create(properties?: switchboard.v1.SyncCursor.$Properties): switchboard.v1.SyncCursor;

            /**
             * Encodes the specified SyncCursor message. Does not implicitly {@link switchboard.v1.SyncCursor.verify|verify} messages.
             * @param m SyncCursor message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.SyncCursor.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SyncCursor message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.SyncCursor & switchboard.v1.SyncCursor.$Shape} SyncCursor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.SyncCursor & switchboard.v1.SyncCursor.$Shape;

            /**
             * Gets the type url for SyncCursor
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SyncCursor {

            /** Properties of a SyncCursor. */
            interface $Properties {

                /** SyncCursor conversationId */
                conversationId?: (string|null);

                /** SyncCursor afterSeq */
                afterSeq?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SyncCursor. */
            type $Shape = switchboard.v1.SyncCursor.$Properties;
        }

        /**
         * Properties of a SyncRequest.
         * @deprecated Use switchboard.v1.SyncRequest.$Properties instead.
         */
        interface ISyncRequest extends switchboard.v1.SyncRequest.$Properties {
        }

        /** Represents a SyncRequest. */
        class SyncRequest {

            /**
             * Constructs a new SyncRequest.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.SyncRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SyncRequest cursors. */
            cursors: switchboard.v1.SyncCursor.$Properties[];

            /** SyncRequest limit. */
            limit: number;

            /** SyncRequest allConversations. */
            allConversations: boolean;

            /**
             * Creates a new SyncRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SyncRequest instance
             */
            static create(properties: switchboard.v1.SyncRequest.$Shape): switchboard.v1.SyncRequest & switchboard.v1.SyncRequest.$Shape;
            static create(properties?: switchboard.v1.SyncRequest.$Properties): switchboard.v1.SyncRequest;

            /**
             * Encodes the specified SyncRequest message. Does not implicitly {@link switchboard.v1.SyncRequest.verify|verify} messages.
             * @param m SyncRequest message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.SyncRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SyncRequest message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.SyncRequest & switchboard.v1.SyncRequest.$Shape} SyncRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.SyncRequest & switchboard.v1.SyncRequest.$Shape;

            /**
             * Gets the type url for SyncRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SyncRequest {

            /** Properties of a SyncRequest. */
            interface $Properties {

                /** SyncRequest cursors */
                cursors?: (switchboard.v1.SyncCursor.$Properties[]|null);

                /** SyncRequest limit */
                limit?: (number|null);

                /** SyncRequest allConversations */
                allConversations?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SyncRequest. */
            type $Shape = switchboard.v1.SyncRequest.$Properties;
        }

        /**
         * Properties of a PresenceRequest.
         * @deprecated Use switchboard.v1.PresenceRequest.$Properties instead.
         */
        interface IPresenceRequest extends switchboard.v1.PresenceRequest.$Properties {
        }

        /** Represents a PresenceRequest. */
        class PresenceRequest {

            /**
             * Constructs a new PresenceRequest.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.PresenceRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PresenceRequest userIds. */
            userIds: string[];

            /**
             * Creates a new PresenceRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PresenceRequest instance
             */
            static create(properties: switchboard.v1.PresenceRequest.$Shape): switchboard.v1.PresenceRequest & switchboard.v1.PresenceRequest.$Shape;
            static create(properties?: switchboard.v1.PresenceRequest.$Properties): switchboard.v1.PresenceRequest;

            /**
             * Encodes the specified PresenceRequest message. Does not implicitly {@link switchboard.v1.PresenceRequest.verify|verify} messages.
             * @param m PresenceRequest message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.PresenceRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PresenceRequest message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.PresenceRequest & switchboard.v1.PresenceRequest.$Shape} PresenceRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.PresenceRequest & switchboard.v1.PresenceRequest.$Shape;

            /**
             * Gets the type url for PresenceRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PresenceRequest {

            /** Properties of a PresenceRequest. */
            interface $Properties {

                /** PresenceRequest userIds */
                userIds?: (string[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PresenceRequest. */
            type $Shape = switchboard.v1.PresenceRequest.$Properties;
        }

        /**
         * Properties of a Typing.
         * @deprecated Use switchboard.v1.Typing.$Properties instead.
         */
        interface ITyping extends switchboard.v1.Typing.$Properties {
        }

        /** Represents a Typing. */
        class Typing {

            /**
             * Constructs a new Typing.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.Typing.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Typing conversationId. */
            conversationId: string;

            /**
             * Creates a new Typing instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Typing instance
             */
            static create(properties: switchboard.v1.Typing.$Shape): switchboard.v1.Typing & switchboard.v1.Typing.$Shape;
            static create(properties?: switchboard.v1.Typing.$Properties): switchboard.v1.Typing;

            /**
             * Encodes the specified Typing message. Does not implicitly {@link switchboard.v1.Typing.verify|verify} messages.
             * @param m Typing message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.Typing.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Typing message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.Typing & switchboard.v1.Typing.$Shape} Typing
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.Typing & switchboard.v1.Typing.$Shape;

            /**
             * Gets the type url for Typing
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Typing {

            /** Properties of a Typing. */
            interface $Properties {

                /** Typing conversationId */
                conversationId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Typing. */
            type $Shape = switchboard.v1.Typing.$Properties;
        }

        /**
         * Properties of a CreateGroup.
         * @deprecated Use switchboard.v1.CreateGroup.$Properties instead.
         */
        interface ICreateGroup extends switchboard.v1.CreateGroup.$Properties {
        }

        /** Represents a CreateGroup. */
        class CreateGroup {

            /**
             * Constructs a new CreateGroup.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.CreateGroup.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CreateGroup name. */
            name: string;

            /** CreateGroup memberIds. */
            memberIds: string[];

            /**
             * Creates a new CreateGroup instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CreateGroup instance
             */
            static create(properties: switchboard.v1.CreateGroup.$Shape): switchboard.v1.CreateGroup & switchboard.v1.CreateGroup.$Shape;
            static create(properties?: switchboard.v1.CreateGroup.$Properties): switchboard.v1.CreateGroup;

            /**
             * Encodes the specified CreateGroup message. Does not implicitly {@link switchboard.v1.CreateGroup.verify|verify} messages.
             * @param m CreateGroup message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.CreateGroup.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CreateGroup message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.CreateGroup & switchboard.v1.CreateGroup.$Shape} CreateGroup
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.CreateGroup & switchboard.v1.CreateGroup.$Shape;

            /**
             * Gets the type url for CreateGroup
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace CreateGroup {

            /** Properties of a CreateGroup. */
            interface $Properties {

                /** CreateGroup name */
                name?: (string|null);

                /** CreateGroup memberIds */
                memberIds?: (string[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CreateGroup. */
            type $Shape = switchboard.v1.CreateGroup.$Properties;
        }

        /**
         * Properties of an AddMembers.
         * @deprecated Use switchboard.v1.AddMembers.$Properties instead.
         */
        interface IAddMembers extends switchboard.v1.AddMembers.$Properties {
        }

        /** Represents an AddMembers. */
        class AddMembers {

            /**
             * Constructs a new AddMembers.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.AddMembers.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AddMembers conversationId. */
            conversationId: string;

            /** AddMembers userIds. */
            userIds: string[];

            /**
             * Creates a new AddMembers instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AddMembers instance
             */
            static create(properties: switchboard.v1.AddMembers.$Shape): switchboard.v1.AddMembers & switchboard.v1.AddMembers.$Shape;
            static create(properties?: switchboard.v1.AddMembers.$Properties): switchboard.v1.AddMembers;

            /**
             * Encodes the specified AddMembers message. Does not implicitly {@link switchboard.v1.AddMembers.verify|verify} messages.
             * @param m AddMembers message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.AddMembers.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AddMembers message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.AddMembers & switchboard.v1.AddMembers.$Shape} AddMembers
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.AddMembers & switchboard.v1.AddMembers.$Shape;

            /**
             * Gets the type url for AddMembers
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace AddMembers {

            /** Properties of an AddMembers. */
            interface $Properties {

                /** AddMembers conversationId */
                conversationId?: (string|null);

                /** AddMembers userIds */
                userIds?: (string[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AddMembers. */
            type $Shape = switchboard.v1.AddMembers.$Properties;
        }

        /**
         * Properties of a RemoveMembers.
         * @deprecated Use switchboard.v1.RemoveMembers.$Properties instead.
         */
        interface IRemoveMembers extends switchboard.v1.RemoveMembers.$Properties {
        }

        /** Represents a RemoveMembers. */
        class RemoveMembers {

            /**
             * Constructs a new RemoveMembers.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.RemoveMembers.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RemoveMembers conversationId. */
            conversationId: string;

            /** RemoveMembers userIds. */
            userIds: string[];

            /**
             * Creates a new RemoveMembers instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RemoveMembers instance
             */
            static create(properties: switchboard.v1.RemoveMembers.$Shape): switchboard.v1.RemoveMembers & switchboard.v1.RemoveMembers.$Shape;
            static create(properties?: switchboard.v1.RemoveMembers.$Properties): switchboard.v1.RemoveMembers;

            /**
             * Encodes the specified RemoveMembers message. Does not implicitly {@link switchboard.v1.RemoveMembers.verify|verify} messages.
             * @param m RemoveMembers message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.RemoveMembers.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RemoveMembers message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.RemoveMembers & switchboard.v1.RemoveMembers.$Shape} RemoveMembers
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.RemoveMembers & switchboard.v1.RemoveMembers.$Shape;

            /**
             * Gets the type url for RemoveMembers
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RemoveMembers {

            /** Properties of a RemoveMembers. */
            interface $Properties {

                /** RemoveMembers conversationId */
                conversationId?: (string|null);

                /** RemoveMembers userIds */
                userIds?: (string[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RemoveMembers. */
            type $Shape = switchboard.v1.RemoveMembers.$Properties;
        }

        /**
         * Properties of a LeaveGroup.
         * @deprecated Use switchboard.v1.LeaveGroup.$Properties instead.
         */
        interface ILeaveGroup extends switchboard.v1.LeaveGroup.$Properties {
        }

        /** Represents a LeaveGroup. */
        class LeaveGroup {

            /**
             * Constructs a new LeaveGroup.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.LeaveGroup.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LeaveGroup conversationId. */
            conversationId: string;

            /**
             * Creates a new LeaveGroup instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LeaveGroup instance
             */
            static create(properties: switchboard.v1.LeaveGroup.$Shape): switchboard.v1.LeaveGroup & switchboard.v1.LeaveGroup.$Shape;
            static create(properties?: switchboard.v1.LeaveGroup.$Properties): switchboard.v1.LeaveGroup;

            /**
             * Encodes the specified LeaveGroup message. Does not implicitly {@link switchboard.v1.LeaveGroup.verify|verify} messages.
             * @param m LeaveGroup message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.LeaveGroup.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LeaveGroup message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.LeaveGroup & switchboard.v1.LeaveGroup.$Shape} LeaveGroup
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.LeaveGroup & switchboard.v1.LeaveGroup.$Shape;

            /**
             * Gets the type url for LeaveGroup
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace LeaveGroup {

            /** Properties of a LeaveGroup. */
            interface $Properties {

                /** LeaveGroup conversationId */
                conversationId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LeaveGroup. */
            type $Shape = switchboard.v1.LeaveGroup.$Properties;
        }

        /**
         * Properties of a Ping.
         * @deprecated Use switchboard.v1.Ping.$Properties instead.
         */
        interface IPing extends switchboard.v1.Ping.$Properties {
        }

        /** Represents a Ping. */
        class Ping {

            /**
             * Constructs a new Ping.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.Ping.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Ping clientTimeMs. */
            clientTimeMs: number;

            /**
             * Creates a new Ping instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Ping instance
             */
            static create(properties: switchboard.v1.Ping.$Shape): switchboard.v1.Ping & switchboard.v1.Ping.$Shape;
            static create(properties?: switchboard.v1.Ping.$Properties): switchboard.v1.Ping;

            /**
             * Encodes the specified Ping message. Does not implicitly {@link switchboard.v1.Ping.verify|verify} messages.
             * @param m Ping message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.Ping.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Ping message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.Ping & switchboard.v1.Ping.$Shape} Ping
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.Ping & switchboard.v1.Ping.$Shape;

            /**
             * Gets the type url for Ping
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Ping {

            /** Properties of a Ping. */
            interface $Properties {

                /** Ping clientTimeMs */
                clientTimeMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Ping. */
            type $Shape = switchboard.v1.Ping.$Properties;
        }

        /**
         * Properties of a ServerFrame.
         * @deprecated Use switchboard.v1.ServerFrame.$Properties instead.
         */
        interface IServerFrame extends switchboard.v1.ServerFrame.$Properties {
        }

        /** Represents a ServerFrame. */
        class ServerFrame {

            /**
             * Constructs a new ServerFrame.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.ServerFrame.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ServerFrame reqId. */
            reqId: number;

            /** ServerFrame welcome. */
            welcome?: (switchboard.v1.Welcome.$Properties|null);

            /** ServerFrame sendAck. */
            sendAck?: (switchboard.v1.SendAck.$Properties|null);

            /** ServerFrame message. */
            message?: (switchboard.v1.Message.$Properties|null);

            /** ServerFrame syncDone. */
            syncDone?: (switchboard.v1.SyncDone.$Properties|null);

            /** ServerFrame presenceResult. */
            presenceResult?: (switchboard.v1.PresenceResult.$Properties|null);

            /** ServerFrame typing. */
            typing?: (switchboard.v1.TypingEvent.$Properties|null);

            /** ServerFrame groupResult. */
            groupResult?: (switchboard.v1.GroupResult.$Properties|null);

            /** ServerFrame error. */
            error?: (switchboard.v1.Error.$Properties|null);

            /** ServerFrame pong. */
            pong?: (switchboard.v1.Pong.$Properties|null);

            /** ServerFrame goaway. */
            goaway?: (switchboard.v1.GoAway.$Properties|null);

            /** ServerFrame ackResult. */
            ackResult?: (switchboard.v1.AckResult.$Properties|null);

            /** ServerFrame body. */
            body?: ("welcome"|"sendAck"|"message"|"syncDone"|"presenceResult"|"typing"|"groupResult"|"error"|"pong"|"goaway"|"ackResult");

            /**
             * Creates a new ServerFrame instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ServerFrame instance
             */
            static create(properties: switchboard.v1.ServerFrame.$Shape): switchboard.v1.ServerFrame & switchboard.v1.ServerFrame.$Shape;
            static create(properties?: switchboard.v1.ServerFrame.$Properties): switchboard.v1.ServerFrame;

            /**
             * Encodes the specified ServerFrame message. Does not implicitly {@link switchboard.v1.ServerFrame.verify|verify} messages.
             * @param m ServerFrame message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.ServerFrame.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ServerFrame message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.ServerFrame & switchboard.v1.ServerFrame.$Shape} ServerFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.ServerFrame & switchboard.v1.ServerFrame.$Shape;

            /**
             * Gets the type url for ServerFrame
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ServerFrame {

            /** Properties of a ServerFrame. */
            interface $Properties {

                /** ServerFrame reqId */
                reqId?: (number|null);

                /** ServerFrame welcome */
                welcome?: (switchboard.v1.Welcome.$Properties|null);

                /** ServerFrame sendAck */
                sendAck?: (switchboard.v1.SendAck.$Properties|null);

                /** ServerFrame message */
                message?: (switchboard.v1.Message.$Properties|null);

                /** ServerFrame syncDone */
                syncDone?: (switchboard.v1.SyncDone.$Properties|null);

                /** ServerFrame presenceResult */
                presenceResult?: (switchboard.v1.PresenceResult.$Properties|null);

                /** ServerFrame typing */
                typing?: (switchboard.v1.TypingEvent.$Properties|null);

                /** ServerFrame groupResult */
                groupResult?: (switchboard.v1.GroupResult.$Properties|null);

                /** ServerFrame error */
                error?: (switchboard.v1.Error.$Properties|null);

                /** ServerFrame pong */
                pong?: (switchboard.v1.Pong.$Properties|null);

                /** ServerFrame goaway */
                goaway?: (switchboard.v1.GoAway.$Properties|null);

                /** ServerFrame ackResult */
                ackResult?: (switchboard.v1.AckResult.$Properties|null);

                /** ServerFrame body */
                body?: ("welcome"|"sendAck"|"message"|"syncDone"|"presenceResult"|"typing"|"groupResult"|"error"|"pong"|"goaway"|"ackResult");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a ServerFrame. */
            type $Shape = {
              reqId?: number|null;
              welcome?: switchboard.v1.Welcome.$Shape|null;
              sendAck?: switchboard.v1.SendAck.$Shape|null;
              message?: switchboard.v1.Message.$Shape|null;
              syncDone?: switchboard.v1.SyncDone.$Shape|null;
              presenceResult?: switchboard.v1.PresenceResult.$Shape|null;
              typing?: switchboard.v1.TypingEvent.$Shape|null;
              groupResult?: switchboard.v1.GroupResult.$Shape|null;
              error?: switchboard.v1.Error.$Shape|null;
              pong?: switchboard.v1.Pong.$Shape|null;
              goaway?: switchboard.v1.GoAway.$Shape|null;
              ackResult?: switchboard.v1.AckResult.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; welcome?: null; sendAck?: null; message?: null; syncDone?: null; presenceResult?: null; typing?: null; groupResult?: null; error?: null; pong?: null; goaway?: null; ackResult?: null }|{ body?: "welcome"; welcome: switchboard.v1.Welcome.$Shape; sendAck?: null; message?: null; syncDone?: null; presenceResult?: null; typing?: null; groupResult?: null; error?: null; pong?: null; goaway?: null; ackResult?: null }|{ body?: "sendAck"; welcome?: null; sendAck: switchboard.v1.SendAck.$Shape; message?: null; syncDone?: null; presenceResult?: null; typing?: null; groupResult?: null; error?: null; pong?: null; goaway?: null; ackResult?: null }|{ body?: "message"; welcome?: null; sendAck?: null; message: switchboard.v1.Message.$Shape; syncDone?: null; presenceResult?: null; typing?: null; groupResult?: null; error?: null; pong?: null; goaway?: null; ackResult?: null }|{ body?: "syncDone"; welcome?: null; sendAck?: null; message?: null; syncDone: switchboard.v1.SyncDone.$Shape; presenceResult?: null; typing?: null; groupResult?: null; error?: null; pong?: null; goaway?: null; ackResult?: null }|{ body?: "presenceResult"; welcome?: null; sendAck?: null; message?: null; syncDone?: null; presenceResult: switchboard.v1.PresenceResult.$Shape; typing?: null; groupResult?: null; error?: null; pong?: null; goaway?: null; ackResult?: null }|{ body?: "typing"; welcome?: null; sendAck?: null; message?: null; syncDone?: null; presenceResult?: null; typing: switchboard.v1.TypingEvent.$Shape; groupResult?: null; error?: null; pong?: null; goaway?: null; ackResult?: null }|{ body?: "groupResult"; welcome?: null; sendAck?: null; message?: null; syncDone?: null; presenceResult?: null; typing?: null; groupResult: switchboard.v1.GroupResult.$Shape; error?: null; pong?: null; goaway?: null; ackResult?: null }|{ body?: "error"; welcome?: null; sendAck?: null; message?: null; syncDone?: null; presenceResult?: null; typing?: null; groupResult?: null; error: switchboard.v1.Error.$Shape; pong?: null; goaway?: null; ackResult?: null }|{ body?: "pong"; welcome?: null; sendAck?: null; message?: null; syncDone?: null; presenceResult?: null; typing?: null; groupResult?: null; error?: null; pong: switchboard.v1.Pong.$Shape; goaway?: null; ackResult?: null }|{ body?: "goaway"; welcome?: null; sendAck?: null; message?: null; syncDone?: null; presenceResult?: null; typing?: null; groupResult?: null; error?: null; pong?: null; goaway: switchboard.v1.GoAway.$Shape; ackResult?: null }|{ body?: "ackResult"; welcome?: null; sendAck?: null; message?: null; syncDone?: null; presenceResult?: null; typing?: null; groupResult?: null; error?: null; pong?: null; goaway?: null; ackResult: switchboard.v1.AckResult.$Shape })
            );
        }

        /**
         * Properties of a Welcome.
         * @deprecated Use switchboard.v1.Welcome.$Properties instead.
         */
        interface IWelcome extends switchboard.v1.Welcome.$Properties {
        }

        /** Represents a Welcome. */
        class Welcome {

            /**
             * Constructs a new Welcome.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.Welcome.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Welcome userId. */
            userId: string;

            /** Welcome deviceId. */
            deviceId: string;

            /** Welcome sessionId. */
            sessionId: string;

            /** Welcome nodeId. */
            nodeId: string;

            /** Welcome heartbeatMs. */
            heartbeatMs: number;

            /** Welcome maxFrameBytes. */
            maxFrameBytes: number;

            /**
             * Creates a new Welcome instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Welcome instance
             */
            static create(properties: switchboard.v1.Welcome.$Shape): switchboard.v1.Welcome & switchboard.v1.Welcome.$Shape;
            static create(properties?: switchboard.v1.Welcome.$Properties): switchboard.v1.Welcome;

            /**
             * Encodes the specified Welcome message. Does not implicitly {@link switchboard.v1.Welcome.verify|verify} messages.
             * @param m Welcome message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.Welcome.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Welcome message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.Welcome & switchboard.v1.Welcome.$Shape} Welcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.Welcome & switchboard.v1.Welcome.$Shape;

            /**
             * Gets the type url for Welcome
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Welcome {

            /** Properties of a Welcome. */
            interface $Properties {

                /** Welcome userId */
                userId?: (string|null);

                /** Welcome deviceId */
                deviceId?: (string|null);

                /** Welcome sessionId */
                sessionId?: (string|null);

                /** Welcome nodeId */
                nodeId?: (string|null);

                /** Welcome heartbeatMs */
                heartbeatMs?: (number|null);

                /** Welcome maxFrameBytes */
                maxFrameBytes?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Welcome. */
            type $Shape = switchboard.v1.Welcome.$Properties;
        }

        /**
         * Properties of a SendAck.
         * @deprecated Use switchboard.v1.SendAck.$Properties instead.
         */
        interface ISendAck extends switchboard.v1.SendAck.$Properties {
        }

        /** Represents a SendAck. */
        class SendAck {

            /**
             * Constructs a new SendAck.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.SendAck.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SendAck clientMsgId. */
            clientMsgId: string;

            /** SendAck conversationId. */
            conversationId: string;

            /** SendAck messageId. */
            messageId: string;

            /** SendAck seq. */
            seq: number;

            /** SendAck sentAtMs. */
            sentAtMs: number;

            /** SendAck duplicate. */
            duplicate: boolean;

            /**
             * Creates a new SendAck instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SendAck instance
             */
            static create(properties: switchboard.v1.SendAck.$Shape): switchboard.v1.SendAck & switchboard.v1.SendAck.$Shape;
            static create(properties?: switchboard.v1.SendAck.$Properties): switchboard.v1.SendAck;

            /**
             * Encodes the specified SendAck message. Does not implicitly {@link switchboard.v1.SendAck.verify|verify} messages.
             * @param m SendAck message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.SendAck.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SendAck message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.SendAck & switchboard.v1.SendAck.$Shape} SendAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.SendAck & switchboard.v1.SendAck.$Shape;

            /**
             * Gets the type url for SendAck
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SendAck {

            /** Properties of a SendAck. */
            interface $Properties {

                /** SendAck clientMsgId */
                clientMsgId?: (string|null);

                /** SendAck conversationId */
                conversationId?: (string|null);

                /** SendAck messageId */
                messageId?: (string|null);

                /** SendAck seq */
                seq?: (number|null);

                /** SendAck sentAtMs */
                sentAtMs?: (number|null);

                /** SendAck duplicate */
                duplicate?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SendAck. */
            type $Shape = switchboard.v1.SendAck.$Properties;
        }

        /**
         * Properties of a Message.
         * @deprecated Use switchboard.v1.Message.$Properties instead.
         */
        interface IMessage extends switchboard.v1.Message.$Properties {
        }

        /** Represents a Message. */
        class Message {

            /**
             * Constructs a new Message.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.Message.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Message messageId. */
            messageId: string;

            /** Message conversationId. */
            conversationId: string;

            /** Message seq. */
            seq: number;

            /** Message senderId. */
            senderId: string;

            /** Message senderDevice. */
            senderDevice: string;

            /** Message clientMsgId. */
            clientMsgId: string;

            /** Message body. */
            body: Uint8Array;

            /** Message contentType. */
            contentType: string;

            /** Message sentAtMs. */
            sentAtMs: number;

            /**
             * Creates a new Message instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Message instance
             */
            static create(properties: switchboard.v1.Message.$Shape): switchboard.v1.Message & switchboard.v1.Message.$Shape;
            static create(properties?: switchboard.v1.Message.$Properties): switchboard.v1.Message;

            /**
             * Encodes the specified Message message. Does not implicitly {@link switchboard.v1.Message.verify|verify} messages.
             * @param m Message message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.Message.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Message message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.Message & switchboard.v1.Message.$Shape} Message
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.Message & switchboard.v1.Message.$Shape;

            /**
             * Gets the type url for Message
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Message {

            /** Properties of a Message. */
            interface $Properties {

                /** Message messageId */
                messageId?: (string|null);

                /** Message conversationId */
                conversationId?: (string|null);

                /** Message seq */
                seq?: (number|null);

                /** Message senderId */
                senderId?: (string|null);

                /** Message senderDevice */
                senderDevice?: (string|null);

                /** Message clientMsgId */
                clientMsgId?: (string|null);

                /** Message body */
                body?: (Uint8Array|null);

                /** Message contentType */
                contentType?: (string|null);

                /** Message sentAtMs */
                sentAtMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Message. */
            type $Shape = switchboard.v1.Message.$Properties;
        }

        /**
         * Properties of a SyncDone.
         * @deprecated Use switchboard.v1.SyncDone.$Properties instead.
         */
        interface ISyncDone extends switchboard.v1.SyncDone.$Properties {
        }

        /** Represents a SyncDone. */
        class SyncDone {

            /**
             * Constructs a new SyncDone.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.SyncDone.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SyncDone conversationId. */
            conversationId: string;

            /** SyncDone upToSeq. */
            upToSeq: number;

            /** SyncDone hasMore. */
            hasMore: boolean;

            /** SyncDone lastSeq. */
            lastSeq: number;

            /** SyncDone oldestSeq. */
            oldestSeq: number;

            /** SyncDone error. */
            error: switchboard.v1.ErrorCode;

            /**
             * Creates a new SyncDone instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SyncDone instance
             */
            static create(properties: switchboard.v1.SyncDone.$Shape): switchboard.v1.SyncDone & switchboard.v1.SyncDone.$Shape;
            static create(properties?: switchboard.v1.SyncDone.$Properties): switchboard.v1.SyncDone;

            /**
             * Encodes the specified SyncDone message. Does not implicitly {@link switchboard.v1.SyncDone.verify|verify} messages.
             * @param m SyncDone message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.SyncDone.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SyncDone message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.SyncDone & switchboard.v1.SyncDone.$Shape} SyncDone
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.SyncDone & switchboard.v1.SyncDone.$Shape;

            /**
             * Gets the type url for SyncDone
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SyncDone {

            /** Properties of a SyncDone. */
            interface $Properties {

                /** SyncDone conversationId */
                conversationId?: (string|null);

                /** SyncDone upToSeq */
                upToSeq?: (number|null);

                /** SyncDone hasMore */
                hasMore?: (boolean|null);

                /** SyncDone lastSeq */
                lastSeq?: (number|null);

                /** SyncDone oldestSeq */
                oldestSeq?: (number|null);

                /** SyncDone error */
                error?: (switchboard.v1.ErrorCode|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SyncDone. */
            type $Shape = switchboard.v1.SyncDone.$Properties;
        }

        /**
         * Properties of a UserPresence.
         * @deprecated Use switchboard.v1.UserPresence.$Properties instead.
         */
        interface IUserPresence extends switchboard.v1.UserPresence.$Properties {
        }

        /** Represents a UserPresence. */
        class UserPresence {

            /**
             * Constructs a new UserPresence.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.UserPresence.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** UserPresence userId. */
            userId: string;

            /** UserPresence online. */
            online: boolean;

            /** UserPresence sessions. */
            sessions: number;

            /**
             * Creates a new UserPresence instance using the specified properties.
             * @param [properties] Properties to set
             * @returns UserPresence instance
             */
            static create(properties: switchboard.v1.UserPresence.$Shape): switchboard.v1.UserPresence & switchboard.v1.UserPresence.$Shape;
            static create(properties?: switchboard.v1.UserPresence.$Properties): switchboard.v1.UserPresence;

            /**
             * Encodes the specified UserPresence message. Does not implicitly {@link switchboard.v1.UserPresence.verify|verify} messages.
             * @param m UserPresence message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.UserPresence.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a UserPresence message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.UserPresence & switchboard.v1.UserPresence.$Shape} UserPresence
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.UserPresence & switchboard.v1.UserPresence.$Shape;

            /**
             * Gets the type url for UserPresence
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace UserPresence {

            /** Properties of a UserPresence. */
            interface $Properties {

                /** UserPresence userId */
                userId?: (string|null);

                /** UserPresence online */
                online?: (boolean|null);

                /** UserPresence sessions */
                sessions?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a UserPresence. */
            type $Shape = switchboard.v1.UserPresence.$Properties;
        }

        /**
         * Properties of a PresenceResult.
         * @deprecated Use switchboard.v1.PresenceResult.$Properties instead.
         */
        interface IPresenceResult extends switchboard.v1.PresenceResult.$Properties {
        }

        /** Represents a PresenceResult. */
        class PresenceResult {

            /**
             * Constructs a new PresenceResult.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.PresenceResult.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PresenceResult users. */
            users: switchboard.v1.UserPresence.$Properties[];

            /**
             * Creates a new PresenceResult instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PresenceResult instance
             */
            static create(properties: switchboard.v1.PresenceResult.$Shape): switchboard.v1.PresenceResult & switchboard.v1.PresenceResult.$Shape;
            static create(properties?: switchboard.v1.PresenceResult.$Properties): switchboard.v1.PresenceResult;

            /**
             * Encodes the specified PresenceResult message. Does not implicitly {@link switchboard.v1.PresenceResult.verify|verify} messages.
             * @param m PresenceResult message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.PresenceResult.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PresenceResult message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.PresenceResult & switchboard.v1.PresenceResult.$Shape} PresenceResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.PresenceResult & switchboard.v1.PresenceResult.$Shape;

            /**
             * Gets the type url for PresenceResult
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PresenceResult {

            /** Properties of a PresenceResult. */
            interface $Properties {

                /** PresenceResult users */
                users?: (switchboard.v1.UserPresence.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PresenceResult. */
            type $Shape = switchboard.v1.PresenceResult.$Properties;
        }

        /**
         * Properties of a TypingEvent.
         * @deprecated Use switchboard.v1.TypingEvent.$Properties instead.
         */
        interface ITypingEvent extends switchboard.v1.TypingEvent.$Properties {
        }

        /** Represents a TypingEvent. */
        class TypingEvent {

            /**
             * Constructs a new TypingEvent.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.TypingEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TypingEvent conversationId. */
            conversationId: string;

            /** TypingEvent userId. */
            userId: string;

            /** TypingEvent deviceId. */
            deviceId: string;

            /**
             * Creates a new TypingEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TypingEvent instance
             */
            static create(properties: switchboard.v1.TypingEvent.$Shape): switchboard.v1.TypingEvent & switchboard.v1.TypingEvent.$Shape;
            static create(properties?: switchboard.v1.TypingEvent.$Properties): switchboard.v1.TypingEvent;

            /**
             * Encodes the specified TypingEvent message. Does not implicitly {@link switchboard.v1.TypingEvent.verify|verify} messages.
             * @param m TypingEvent message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.TypingEvent.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TypingEvent message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.TypingEvent & switchboard.v1.TypingEvent.$Shape} TypingEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.TypingEvent & switchboard.v1.TypingEvent.$Shape;

            /**
             * Gets the type url for TypingEvent
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace TypingEvent {

            /** Properties of a TypingEvent. */
            interface $Properties {

                /** TypingEvent conversationId */
                conversationId?: (string|null);

                /** TypingEvent userId */
                userId?: (string|null);

                /** TypingEvent deviceId */
                deviceId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TypingEvent. */
            type $Shape = switchboard.v1.TypingEvent.$Properties;
        }

        /**
         * Properties of a GroupResult.
         * @deprecated Use switchboard.v1.GroupResult.$Properties instead.
         */
        interface IGroupResult extends switchboard.v1.GroupResult.$Properties {
        }

        /** Represents a GroupResult. */
        class GroupResult {

            /**
             * Constructs a new GroupResult.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.GroupResult.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** GroupResult conversationId. */
            conversationId: string;

            /** GroupResult name. */
            name: string;

            /** GroupResult ownerId. */
            ownerId: string;

            /** GroupResult memberIds. */
            memberIds: string[];

            /**
             * Creates a new GroupResult instance using the specified properties.
             * @param [properties] Properties to set
             * @returns GroupResult instance
             */
            static create(properties: switchboard.v1.GroupResult.$Shape): switchboard.v1.GroupResult & switchboard.v1.GroupResult.$Shape;
            static create(properties?: switchboard.v1.GroupResult.$Properties): switchboard.v1.GroupResult;

            /**
             * Encodes the specified GroupResult message. Does not implicitly {@link switchboard.v1.GroupResult.verify|verify} messages.
             * @param m GroupResult message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.GroupResult.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GroupResult message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.GroupResult & switchboard.v1.GroupResult.$Shape} GroupResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.GroupResult & switchboard.v1.GroupResult.$Shape;

            /**
             * Gets the type url for GroupResult
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace GroupResult {

            /** Properties of a GroupResult. */
            interface $Properties {

                /** GroupResult conversationId */
                conversationId?: (string|null);

                /** GroupResult name */
                name?: (string|null);

                /** GroupResult ownerId */
                ownerId?: (string|null);

                /** GroupResult memberIds */
                memberIds?: (string[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a GroupResult. */
            type $Shape = switchboard.v1.GroupResult.$Properties;
        }

        /**
         * Properties of an Error.
         * @deprecated Use switchboard.v1.Error.$Properties instead.
         */
        interface IError extends switchboard.v1.Error.$Properties {
        }

        /** Represents an Error. */
        class Error {

            /**
             * Constructs a new Error.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.Error.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Error code. */
            code: switchboard.v1.ErrorCode;

            /** Error message. */
            message: string;

            /** Error retryable. */
            retryable: boolean;

            /** Error retryAfterMs. */
            retryAfterMs: number;

            /** Error clientMsgId. */
            clientMsgId: string;

            /**
             * Creates a new Error instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Error instance
             */
            static create(properties: switchboard.v1.Error.$Shape): switchboard.v1.Error & switchboard.v1.Error.$Shape;
            static create(properties?: switchboard.v1.Error.$Properties): switchboard.v1.Error;

            /**
             * Encodes the specified Error message. Does not implicitly {@link switchboard.v1.Error.verify|verify} messages.
             * @param m Error message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.Error.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Error message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.Error & switchboard.v1.Error.$Shape} Error
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.Error & switchboard.v1.Error.$Shape;

            /**
             * Gets the type url for Error
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Error {

            /** Properties of an Error. */
            interface $Properties {

                /** Error code */
                code?: (switchboard.v1.ErrorCode|null);

                /** Error message */
                message?: (string|null);

                /** Error retryable */
                retryable?: (boolean|null);

                /** Error retryAfterMs */
                retryAfterMs?: (number|null);

                /** Error clientMsgId */
                clientMsgId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Error. */
            type $Shape = switchboard.v1.Error.$Properties;
        }

        /**
         * Properties of a Pong.
         * @deprecated Use switchboard.v1.Pong.$Properties instead.
         */
        interface IPong extends switchboard.v1.Pong.$Properties {
        }

        /** Represents a Pong. */
        class Pong {

            /**
             * Constructs a new Pong.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.Pong.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Pong clientTimeMs. */
            clientTimeMs: number;

            /** Pong serverTimeMs. */
            serverTimeMs: number;

            /**
             * Creates a new Pong instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Pong instance
             */
            static create(properties: switchboard.v1.Pong.$Shape): switchboard.v1.Pong & switchboard.v1.Pong.$Shape;
            static create(properties?: switchboard.v1.Pong.$Properties): switchboard.v1.Pong;

            /**
             * Encodes the specified Pong message. Does not implicitly {@link switchboard.v1.Pong.verify|verify} messages.
             * @param m Pong message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.Pong.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Pong message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.Pong & switchboard.v1.Pong.$Shape} Pong
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.Pong & switchboard.v1.Pong.$Shape;

            /**
             * Gets the type url for Pong
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Pong {

            /** Properties of a Pong. */
            interface $Properties {

                /** Pong clientTimeMs */
                clientTimeMs?: (number|null);

                /** Pong serverTimeMs */
                serverTimeMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Pong. */
            type $Shape = switchboard.v1.Pong.$Properties;
        }

        /**
         * Properties of a GoAway.
         * @deprecated Use switchboard.v1.GoAway.$Properties instead.
         */
        interface IGoAway extends switchboard.v1.GoAway.$Properties {
        }

        /** Represents a GoAway. */
        class GoAway {

            /**
             * Constructs a new GoAway.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.GoAway.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** GoAway reason. */
            reason: string;

            /** GoAway reconnectAfterMs. */
            reconnectAfterMs: number;

            /**
             * Creates a new GoAway instance using the specified properties.
             * @param [properties] Properties to set
             * @returns GoAway instance
             */
            static create(properties: switchboard.v1.GoAway.$Shape): switchboard.v1.GoAway & switchboard.v1.GoAway.$Shape;
            static create(properties?: switchboard.v1.GoAway.$Properties): switchboard.v1.GoAway;

            /**
             * Encodes the specified GoAway message. Does not implicitly {@link switchboard.v1.GoAway.verify|verify} messages.
             * @param m GoAway message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.GoAway.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GoAway message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.GoAway & switchboard.v1.GoAway.$Shape} GoAway
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.GoAway & switchboard.v1.GoAway.$Shape;

            /**
             * Gets the type url for GoAway
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace GoAway {

            /** Properties of a GoAway. */
            interface $Properties {

                /** GoAway reason */
                reason?: (string|null);

                /** GoAway reconnectAfterMs */
                reconnectAfterMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a GoAway. */
            type $Shape = switchboard.v1.GoAway.$Properties;
        }

        /**
         * Properties of an AckResult.
         * @deprecated Use switchboard.v1.AckResult.$Properties instead.
         */
        interface IAckResult extends switchboard.v1.AckResult.$Properties {
        }

        /** Represents an AckResult. */
        class AckResult {

            /**
             * Constructs a new AckResult.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.AckResult.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AckResult conversationId. */
            conversationId: string;

            /** AckResult seq. */
            seq: number;

            /**
             * Creates a new AckResult instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AckResult instance
             */
            static create(properties: switchboard.v1.AckResult.$Shape): switchboard.v1.AckResult & switchboard.v1.AckResult.$Shape;
            static create(properties?: switchboard.v1.AckResult.$Properties): switchboard.v1.AckResult;

            /**
             * Encodes the specified AckResult message. Does not implicitly {@link switchboard.v1.AckResult.verify|verify} messages.
             * @param m AckResult message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.AckResult.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AckResult message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.AckResult & switchboard.v1.AckResult.$Shape} AckResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.AckResult & switchboard.v1.AckResult.$Shape;

            /**
             * Gets the type url for AckResult
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace AckResult {

            /** Properties of an AckResult. */
            interface $Properties {

                /** AckResult conversationId */
                conversationId?: (string|null);

                /** AckResult seq */
                seq?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AckResult. */
            type $Shape = switchboard.v1.AckResult.$Properties;
        }

        /**
         * Properties of an Envelope.
         * @deprecated Use switchboard.v1.Envelope.$Properties instead.
         */
        interface IEnvelope extends switchboard.v1.Envelope.$Properties {
        }

        /** Represents an Envelope. */
        class Envelope {

            /**
             * Constructs a new Envelope.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.Envelope.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Envelope userIds. */
            userIds: string[];

            /** Envelope frame. */
            frame: Uint8Array;

            /** Envelope kind. */
            kind: switchboard.v1.EnvelopeKind;

            /** Envelope conversationId. */
            conversationId: string;

            /** Envelope seq. */
            seq: number;

            /** Envelope excludeSession. */
            excludeSession: string;

            /** Envelope originNode. */
            originNode: string;

            /**
             * Creates a new Envelope instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Envelope instance
             */
            static create(properties: switchboard.v1.Envelope.$Shape): switchboard.v1.Envelope & switchboard.v1.Envelope.$Shape;
            static create(properties?: switchboard.v1.Envelope.$Properties): switchboard.v1.Envelope;

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link switchboard.v1.Envelope.verify|verify} messages.
             * @param m Envelope message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.Envelope.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.Envelope & switchboard.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.Envelope & switchboard.v1.Envelope.$Shape;

            /**
             * Gets the type url for Envelope
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Envelope {

            /** Properties of an Envelope. */
            interface $Properties {

                /** Envelope userIds */
                userIds?: (string[]|null);

                /** Envelope frame */
                frame?: (Uint8Array|null);

                /** Envelope kind */
                kind?: (switchboard.v1.EnvelopeKind|null);

                /** Envelope conversationId */
                conversationId?: (string|null);

                /** Envelope seq */
                seq?: (number|null);

                /** Envelope excludeSession */
                excludeSession?: (string|null);

                /** Envelope originNode */
                originNode?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Envelope. */
            type $Shape = switchboard.v1.Envelope.$Properties;
        }

        /**
         * Properties of an EnvelopeBatch.
         * @deprecated Use switchboard.v1.EnvelopeBatch.$Properties instead.
         */
        interface IEnvelopeBatch extends switchboard.v1.EnvelopeBatch.$Properties {
        }

        /** Represents an EnvelopeBatch. */
        class EnvelopeBatch {

            /**
             * Constructs a new EnvelopeBatch.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.EnvelopeBatch.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** EnvelopeBatch envelopes. */
            envelopes: Uint8Array[];

            /**
             * Creates a new EnvelopeBatch instance using the specified properties.
             * @param [properties] Properties to set
             * @returns EnvelopeBatch instance
             */
            static create(properties: switchboard.v1.EnvelopeBatch.$Shape): switchboard.v1.EnvelopeBatch & switchboard.v1.EnvelopeBatch.$Shape;
            static create(properties?: switchboard.v1.EnvelopeBatch.$Properties): switchboard.v1.EnvelopeBatch;

            /**
             * Encodes the specified EnvelopeBatch message. Does not implicitly {@link switchboard.v1.EnvelopeBatch.verify|verify} messages.
             * @param m EnvelopeBatch message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.EnvelopeBatch.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an EnvelopeBatch message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.EnvelopeBatch & switchboard.v1.EnvelopeBatch.$Shape} EnvelopeBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.EnvelopeBatch & switchboard.v1.EnvelopeBatch.$Shape;

            /**
             * Gets the type url for EnvelopeBatch
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace EnvelopeBatch {

            /** Properties of an EnvelopeBatch. */
            interface $Properties {

                /** EnvelopeBatch envelopes */
                envelopes?: (Uint8Array[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an EnvelopeBatch. */
            type $Shape = switchboard.v1.EnvelopeBatch.$Properties;
        }

        /** EnvelopeKind enum. */
        enum EnvelopeKind {

            /** ENVELOPE_KIND_MESSAGE value */
            ENVELOPE_KIND_MESSAGE = 0,

            /** ENVELOPE_KIND_EPHEMERAL value */
            ENVELOPE_KIND_EPHEMERAL = 1,

            /** ENVELOPE_KIND_CONTROL value */
            ENVELOPE_KIND_CONTROL = 2
        }

        /**
         * Properties of a StoredMessageRecord.
         * @deprecated Use switchboard.v1.StoredMessageRecord.$Properties instead.
         */
        interface IStoredMessageRecord extends switchboard.v1.StoredMessageRecord.$Properties {
        }

        /** Represents a StoredMessageRecord. */
        class StoredMessageRecord {

            /**
             * Constructs a new StoredMessageRecord.
             * @param [p] Properties to set
             */
            constructor(p?: switchboard.v1.StoredMessageRecord.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StoredMessageRecord sentAtMs. */
            sentAtMs: number;

            /** StoredMessageRecord seq. */
            seq: number;

            /** StoredMessageRecord messageId. */
            messageId: string;

            /** StoredMessageRecord senderId. */
            senderId: string;

            /** StoredMessageRecord senderDevice. */
            senderDevice: string;

            /** StoredMessageRecord clientMsgId. */
            clientMsgId: string;

            /** StoredMessageRecord body. */
            body: Uint8Array;

            /** StoredMessageRecord contentType. */
            contentType: string;

            /**
             * Creates a new StoredMessageRecord instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StoredMessageRecord instance
             */
            static create(properties: switchboard.v1.StoredMessageRecord.$Shape): switchboard.v1.StoredMessageRecord & switchboard.v1.StoredMessageRecord.$Shape;
            static create(properties?: switchboard.v1.StoredMessageRecord.$Properties): switchboard.v1.StoredMessageRecord;

            /**
             * Encodes the specified StoredMessageRecord message. Does not implicitly {@link switchboard.v1.StoredMessageRecord.verify|verify} messages.
             * @param m StoredMessageRecord message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: switchboard.v1.StoredMessageRecord.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StoredMessageRecord message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {switchboard.v1.StoredMessageRecord & switchboard.v1.StoredMessageRecord.$Shape} StoredMessageRecord
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): switchboard.v1.StoredMessageRecord & switchboard.v1.StoredMessageRecord.$Shape;

            /**
             * Gets the type url for StoredMessageRecord
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace StoredMessageRecord {

            /** Properties of a StoredMessageRecord. */
            interface $Properties {

                /** StoredMessageRecord sentAtMs */
                sentAtMs?: (number|null);

                /** StoredMessageRecord seq */
                seq?: (number|null);

                /** StoredMessageRecord messageId */
                messageId?: (string|null);

                /** StoredMessageRecord senderId */
                senderId?: (string|null);

                /** StoredMessageRecord senderDevice */
                senderDevice?: (string|null);

                /** StoredMessageRecord clientMsgId */
                clientMsgId?: (string|null);

                /** StoredMessageRecord body */
                body?: (Uint8Array|null);

                /** StoredMessageRecord contentType */
                contentType?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StoredMessageRecord. */
            type $Shape = switchboard.v1.StoredMessageRecord.$Properties;
        }
    }
}
